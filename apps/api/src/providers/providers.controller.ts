import { Body, Controller, Get, Param, Patch, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProviderDto, WarehouseProfileDto } from '@autobuy/contracts';

import { ADMIN_ONLY, ANY_ROLE, Roles, Scopes } from '../auth/decorators';
import { UpdateProviderBody } from './dto/provider.dto';
import { WarehouseProfileBody } from './dto/warehouse-profile.dto';
import { toProviderDto, toWarehouseDto } from './mappers';
import { ProvidersService } from './providers.service';

const PROVIDER_EXAMPLE: ProviderDto = {
  code: 'sandbox',
  name: 'Sandbox',
  enabled: true,
  loginKind: 'browser',
  needsWarehouse: true,
  priceTolerancePercent: 0,
};

const WAREHOUSE_EXAMPLE: WarehouseProfileDto = {
  recipientName: '王鑫磊奇跡',
  mobilePhone: '11147043234',
  regionCode: '150784',
  zipCode: '021400',
  address: '尚都国际小区东区9号楼23号车库',
};

@ApiTags('providers')
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @Scopes('read')
  @ApiOkResponse({ schema: { example: [PROVIDER_EXAMPLE] } })
  async list(): Promise<ProviderDto[]> {
    return (await this.providers.list()).map(toProviderDto);
  }

  @Patch(':code')
  @Roles(...ADMIN_ONLY)
  @ApiOkResponse({ schema: { example: PROVIDER_EXAMPLE } })
  async update(
    @Param('code') code: string,
    @Body() body: UpdateProviderBody,
  ): Promise<ProviderDto> {
    return toProviderDto(await this.providers.update(code, body));
  }

  @Get(':code/warehouse-profile')
  @Roles(...ANY_ROLE)
  @Scopes('read')
  @ApiOkResponse({ schema: { example: WAREHOUSE_EXAMPLE } })
  async getWarehouse(@Param('code') code: string): Promise<WarehouseProfileDto> {
    return toWarehouseDto(await this.providers.getWarehouse(code));
  }

  @Put(':code/warehouse-profile')
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Set the delivery address used at checkout (Taobao-style providers)' })
  @ApiOkResponse({ schema: { example: WAREHOUSE_EXAMPLE } })
  async putWarehouse(
    @Param('code') code: string,
    @Body() body: WarehouseProfileBody,
  ): Promise<WarehouseProfileDto> {
    return toWarehouseDto(await this.providers.putWarehouse(code, body));
  }
}
