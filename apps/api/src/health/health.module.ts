import { Module } from '@nestjs/common';

import { SessionsModule } from '../sessions/sessions.module';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { Readiness } from './readiness';

/** Liveness, readiness and the Prometheus metrics; the activities engine is global. */
@Module({
  imports: [SessionsModule],
  controllers: [HealthController, MetricsController],
  providers: [Readiness],
})
export class HealthModule {}
