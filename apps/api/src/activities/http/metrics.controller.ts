import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACTIVITY_STATES } from '@autobuy/contracts';

import { Roles, Scopes } from '../../auth/decorators';
import type { ActivitiesEngine } from '../activities-engine';
import { ACTIVITIES_ENGINE } from '../activities.tokens';
import { type Metric, renderPrometheus } from './prometheus-text';

/**
 * Prometheus metrics of the activities: outcome counters of this process and the number of
 * activities per state in the database (queued = the queue's depth). A scraper authenticates
 * with an API key holding `read`, like any integrator.
 */
@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(ACTIVITIES_ENGINE) private readonly engine: ActivitiesEngine) {}

  @Get()
  @Roles('admin')
  @Scopes('read')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  @ApiOkResponse({ schema: { type: 'string', example: 'autobuy_activities{state="queued"} 2' } })
  async metrics(): Promise<string> {
    const snapshot = this.engine.metrics.snapshot();
    const byState = await this.countByState();

    const outcomes: Metric = {
      name: 'autobuy_activity_outcomes_total',
      help: 'Activities that ended (or paused for the operator) in this process, by kind and state.',
      type: 'counter',
      samples: Object.entries(snapshot.outcomes).flatMap(([kind, states]) =>
        Object.entries(states).map(([state, value]) => ({ labels: { kind, state }, value })),
      ),
    };
    const running: Metric = {
      name: 'autobuy_activities_running',
      help: 'Activities this process is running now.',
      type: 'gauge',
      samples: [{ labels: {}, value: snapshot.running }],
    };
    const stored: Metric = {
      name: 'autobuy_activities',
      help: 'Activities in the database by state; "queued" is the depth of the work queue.',
      type: 'gauge',
      samples: ACTIVITY_STATES.map((state) => ({
        labels: { state },
        value: byState.get(state) ?? 0,
      })),
    };

    return renderPrometheus([outcomes, running, stored]);
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
