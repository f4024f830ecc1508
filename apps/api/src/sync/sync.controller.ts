import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StartedActivityDto } from '@autobuy/contracts';

import { CurrentPrincipal, Roles, Scopes, WRITER_ROLES } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { actorOf } from '../order-binding/purchases.controller';
import { SyncService } from './sync.service';

@ApiTags('sessions')
@Controller('sessions')
export class SyncController {
  constructor(private readonly sync: SyncService) {}

  @Post(':id/sync')
  @HttpCode(202)
  @Roles(...WRITER_ROLES)
  @Scopes('purchases:write')
  @ApiOperation({ summary: "Synchronize the session account's provider orders now" })
  start(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StartedActivityDto> {
    return this.sync.syncSession(id, actorOf(principal));
  }
}
