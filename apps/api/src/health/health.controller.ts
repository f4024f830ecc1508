import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '../auth/decorators';
import { type CheckState, Readiness, type ReadinessChecks } from './readiness';

const READY_EXAMPLE = {
  status: 'ok',
  checks: { database: 'ok', redis: 'ok', browserPool: 'ok' },
};

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  /** The process answers HTTP; nothing else is checked, so a restart is the right cure. */
  @Get('live')
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 503 when a dependency is down, so a load balancer stops sending traffic here. */
  @Get('ready')
  @ApiOkResponse({ schema: { example: READY_EXAMPLE } })
  @ApiServiceUnavailableResponse({
    schema: { example: { status: 'error', checks: { database: 'ok', redis: 'error' } } },
  })
  async ready(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: CheckState; checks: ReadinessChecks }> {
    const checks = await this.readiness.check();
    const status = Object.values(checks).every((value) => value === 'ok') ? 'ok' : 'error';
    if (status !== 'ok') {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
    }

    return { status, checks };
  }
}
