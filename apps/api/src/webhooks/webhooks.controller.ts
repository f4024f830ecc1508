import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  CreatedWebhookDto,
  Page,
  WebhookDeliveryLogDto,
  WebhookDto,
} from '@autobuy/contracts';

import { ADMIN_ONLY, CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { toWebhookDto } from './mappers';
import { CreateWebhookDto, DeliveriesQuery, UpdateWebhookDto } from './webhook.dto';
import { WebhooksService } from './webhooks.service';

// No @Scopes: API keys never reach these routes, only an admin logged in to the admin.
@ApiTags('webhooks')
@Controller('webhooks')
@Roles(...ADMIN_ONLY)
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  async list(): Promise<WebhookDto[]> {
    return (await this.webhooks.list()).map(toWebhookDto);
  }

  @Post()
  @ApiOperation({ summary: 'Add a receiver; the signing secret is in this answer only' })
  @ApiCreatedResponse({
    schema: {
      example: {
        id: '2b7e4c1a-3f5d-4e6a-9b8c-7d6e5f4a3b2c',
        url: 'https://shop.example.com/autobuy/events',
        events: ['item.state_changed'],
        enabled: true,
        createdAt: '2026-12-01T09:00:00.000Z',
        secret: 'whsec_…(43 characters)',
      },
    },
  })
  async create(
    @Body() body: CreateWebhookDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedWebhookDto> {
    const createdBy = principal.kind === 'operator' ? principal.operator.id : null;
    const { entity, secret } = await this.webhooks.create(body, createdBy);

    return { ...toWebhookDto(entity), secret };
  }

  @Patch(':id')
  async update(@Param('id') id: string, @Body() body: UpdateWebhookDto): Promise<WebhookDto> {
    return toWebhookDto(await this.webhooks.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log, newest first, with every attempt' })
  deliveries(
    @Param('id') id: string,
    @Query() query: DeliveriesQuery,
  ): Promise<Page<WebhookDeliveryLogDto>> {
    return this.webhooks.deliveriesPage(id, query.limit ?? 50, query.cursor);
  }
}
