import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

import { Public } from '../auth/decorators';

type CheckState = 'ok' | 'error';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('live')
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 503 when a dependency is down, so a load balancer stops sending traffic here. */
  @Get('ready')
  @ApiOkResponse({ schema: { example: { status: 'ok', checks: { database: 'ok' } } } })
  async ready(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: CheckState; checks: { database: CheckState } }> {
    let database: CheckState = 'ok';
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      database = 'error';
    }
    if (database !== 'ok') {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
    }

    return { status: database, checks: { database } };
  }
}
