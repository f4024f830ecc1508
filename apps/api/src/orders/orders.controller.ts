import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrderDto, OrderSummaryDto, Page } from '@autobuy/contracts';
import type { Response } from 'express';

import { ANY_ROLE, Roles, Scopes, WRITER_ROLES } from '../auth/decorators';
import { ImportOrderBody } from './dto/import-order.dto';
import { ListOrdersQueryDto } from './dto/list-orders.dto';
import { ORDER_EXAMPLE, PAGE_EXAMPLE } from './examples';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @Roles(...WRITER_ROLES)
  @Scopes('orders:write')
  @ApiOperation({
    summary: 'Import a shop order (idempotent by externalId)',
    description: '201 when the order is new; 200 with the stored order, unchanged, on a repeat.',
  })
  @ApiCreatedResponse({ schema: { example: ORDER_EXAMPLE } })
  @ApiOkResponse({ schema: { example: ORDER_EXAMPLE } })
  async import(
    @Body() body: ImportOrderBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrderDto> {
    const { order, created } = await this.orders.import(body);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);

    return order;
  }

  @Get()
  @Roles(...ANY_ROLE)
  @Scopes('read')
  @ApiOperation({ summary: 'Orders, newest first, with cursor paging' })
  @ApiOkResponse({ schema: { example: PAGE_EXAMPLE } })
  list(@Query() query: ListOrdersQueryDto): Promise<Page<OrderSummaryDto>> {
    return this.orders.list(query);
  }

  @Get(':id')
  @Roles(...ANY_ROLE)
  @Scopes('read')
  @ApiOkResponse({ schema: { example: ORDER_EXAMPLE } })
  detail(@Param('id') id: string): Promise<OrderDto> {
    return this.orders.detail(id);
  }
}
