import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ProviderSessionDto, StartedActivityDto } from '@autobuy/contracts';
import type { Response } from 'express';

import { ANY_ROLE, CurrentPrincipal, Roles, Scopes, WRITER_ROLES } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { SessionRecords } from './session-records';
import { ListSessionsParams, StartSessionBody } from './sessions.dto';
import { SessionsService } from './sessions.service';

const SESSION_EXAMPLE: ProviderSessionDto = {
  id: '6f1d2c3b-4a59-4e8d-9c7b-1a2b3c4d5e6f',
  provider: 'sandbox',
  accountId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
  accountLogin: 'sandbox_buyer',
  nickname: 'sandbox_buyer',
  state: 'active',
  stateReason: null,
  lastCheckedAt: '2026-12-01T09:10:00.000Z',
  lastSyncAt: null,
  createdAt: '2026-12-01T09:00:00.000Z',
};

@ApiTags('sessions')
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly records: SessionRecords,
  ) {}

  @Get()
  @Roles(...ANY_ROLE)
  @Scopes('read')
  @ApiOkResponse({ schema: { example: [SESSION_EXAMPLE] } })
  list(@Query() query: ListSessionsParams): Promise<ProviderSessionDto[]> {
    return this.records.list(query);
  }

  /** Browser providers: 202 with the login activity; API-key providers: 201 with the session. */
  @Post()
  @Roles(...WRITER_ROLES)
  @ApiAcceptedResponse({ schema: { example: { activityId: '9a8b7c6d-…' } } })
  @ApiCreatedResponse({ schema: { example: SESSION_EXAMPLE } })
  async start(
    @Body() body: StartSessionBody,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StartedActivityDto | ProviderSessionDto> {
    const operatorId = principal.kind === 'operator' ? principal.operator.id : '';
    const started = await this.sessions.start(body.provider, body.accountId, operatorId);
    if (started.kind === 'activity') {
      response.status(202);

      return started.started;
    }

    return started.session;
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITER_ROLES)
  async revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.records.revoke(id);
  }
}
