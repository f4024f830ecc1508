import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiKeyDto, CreatedApiKeyDto } from '@autobuy/contracts';

import { ApiKeysService } from './api-keys.service';
import { ADMIN_ONLY, CurrentPrincipal, Roles } from './decorators';
import { CreateApiKeyDto } from './dto/api-key.dto';
import { toApiKeyDto } from './mappers';
import type { Principal } from './principal';

@ApiTags('api-keys')
@Controller('api-keys')
@Roles(...ADMIN_ONLY)
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  async list(): Promise<ApiKeyDto[]> {
    return (await this.keys.list()).map(toApiKeyDto);
  }

  @Post()
  @ApiOperation({ summary: 'Create an integrator key; the raw key is in this answer only' })
  @ApiCreatedResponse({
    schema: {
      example: {
        id: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
        name: 'Shop integration',
        prefix: 'abk_Qm9yZ2V',
        scopes: ['read', 'orders:write'],
        createdAt: '2026-12-01T09:00:00.000Z',
        lastUsedAt: null,
        revokedAt: null,
        key: 'abk_Qm9yZ2Vz…(43 characters)',
      },
    },
  })
  async create(
    @Body() body: CreateApiKeyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiKeyDto> {
    const createdBy = principal.kind === 'operator' ? principal.operator.id : null;
    const { entity, key } = await this.keys.create(body, createdBy);

    return { ...toApiKeyDto(entity), key };
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@Param('id') id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}
