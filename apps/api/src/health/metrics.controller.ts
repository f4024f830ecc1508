import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACTIVITY_STATES } from '@autobuy/contracts';

import { type ActivitiesEngine, ACTIVITIES_ENGINE } from '../activities';
import { STEP_DURATION_BUCKETS } from '../activities/activity-metrics';
import {
  histogramSamples,
  type Metric,
  renderPrometheus,
} from '../activities/http/prometheus-text';
import { Roles, Scopes } from '../auth/decorators';
import { ProviderAdapters } from '../sessions/provider-adapters';

const gauge = (name: string, help: string, value: number): Metric => ({
  name,
  help,
  type: 'gauge',
  samples: [{ labels: {}, value }],
});

/**
 * Prometheus metrics of this API process and of the shared database. Counters (outcomes, step
 * durations) cover the activities this process ran: with `--role=api` those run in the workers,
 * which serve no HTTP, so scrape a `--role=all` process or read the database gauges. A scraper
 * authenticates with an API key holding `read`, like any integrator.
 */
@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(ACTIVITIES_ENGINE) private readonly engine: ActivitiesEngine,
    private readonly adapters: ProviderAdapters,
  ) {}

  @Get()
  @Roles('admin')
  @Scopes('read')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  @ApiOkResponse({ schema: { type: 'string', example: 'autobuy_activities{state="queued"} 2' } })
  async metrics(): Promise<string> {
    const snapshot = this.engine.metrics.snapshot();
    const [byState, queueDepth] = await Promise.all([
      this.countByState(),
      this.engine.driver.depth(),
    ]);

    const outcomes: Metric = {
      name: 'autobuy_activity_outcomes_total',
      help: 'Activities that ended (or paused for the operator) in this process, by kind and state.',
      type: 'counter',
      samples: Object.entries(snapshot.outcomes).flatMap(([kind, states]) =>
        Object.entries(states).map(([state, value]) => ({ labels: { kind, state }, value })),
      ),
    };
    const stored: Metric = {
      name: 'autobuy_activities',
      help: 'Activities in the database by state; "queued" ones wait for a worker.',
      type: 'gauge',
      samples: ACTIVITY_STATES.map((state) => ({
        labels: { state },
        value: byState.get(state) ?? 0,
      })),
    };
    const steps: Metric = {
      name: 'autobuy_activity_step_duration_seconds',
      help: 'How long each handler step took in this process, by activity kind and step.',
      type: 'histogram',
      samples: snapshot.steps.flatMap((entry) =>
        histogramSamples(
          { kind: entry.kind, step: entry.step },
          STEP_DURATION_BUCKETS,
          entry.buckets,
          entry.sumSeconds,
          entry.count,
        ),
      ),
    };

    return renderPrometheus([
      outcomes,
      gauge(
        'autobuy_activities_running',
        'Activities this process is running now.',
        snapshot.running,
      ),
      stored,
      gauge(
        'autobuy_queue_depth',
        'Activity ids waiting in the work queue (delayed retries included).',
        queueDepth,
      ),
      steps,
      gauge(
        'autobuy_browser_pool_browsers',
        "Chromium processes in this process's browser pool (0 until a browser job needs one).",
        this.adapters.browserPool().browsers().length,
      ),
      gauge(
        'autobuy_socket_clients',
        "Sockets connected to this process's live channel.",
        snapshot.socketClients,
      ),
    ]);
  }

  private async countByState(): Promise<Map<string, number>> {
    const rows: { state: string; count: string | number }[] = await this.engine.store.repository
      .createQueryBuilder('activity')
      .select('activity.state', 'state')
      .addSelect('COUNT(*)', 'count')
      .groupBy('activity.state')
      .getRawMany();

    return new Map(rows.map((row) => [row.state, Number(row.count)]));
  }
}
