import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StartedActivityDto } from '@autobuy/contracts';

import { CurrentPrincipal, Roles, Scopes, WRITER_ROLES } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { CreateBindingBody, CreateReservationBody, CreateUnbindingBody } from './purchases.dto';
import { PurchasesService } from './purchases.service';

export function actorOf(principal: Principal): string {
  return principal.kind === 'operator'
    ? `operator:${principal.operator.login}`
    : `api_key:${principal.apiKey.name}`;
}

@ApiTags('purchases')
@Controller()
export class PurchasesController {
  constructor(private readonly purchases: PurchasesService) {}

  @Post('reservations')
  @HttpCode(202)
  @Roles(...WRITER_ROLES)
  @Scopes('purchases:write')
  @ApiOperation({
    summary: 'Reserve order items as unpaid provider orders',
    description:
      'Claims the items at once (409 item_already_claimed naming them if another reservation ' +
      'holds them) and starts a `reserve` activity.',
  })
  reserve(
    @Body() body: CreateReservationBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StartedActivityDto> {
    return this.purchases.reserve(body, actorOf(principal));
  }

  @Post('unbindings')
  @HttpCode(202)
  @Roles(...WRITER_ROLES)
  @Scopes('purchases:write')
  @ApiOperation({ summary: 'Cancel the unpaid provider orders of items and free the items' })
  unbind(
    @Body() body: CreateUnbindingBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StartedActivityDto> {
    return this.purchases.unbind(body, actorOf(principal));
  }

  @Post('bindings')
  @HttpCode(202)
  @Roles(...WRITER_ROLES)
  @Scopes('purchases:write')
  @ApiOperation({ summary: 'Link an existing provider order to the matching items of an order' })
  bind(
    @Body() body: CreateBindingBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StartedActivityDto> {
    return this.purchases.bind(body, actorOf(principal));
  }
}
