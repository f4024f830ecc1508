import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import type { ImportOrderRequest, OrderDto, OrderSummaryDto, Page } from '@autobuy/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, type Repository } from 'typeorm';

import { decodeCursor, encodeCursor } from './cursor';
import { DEFAULT_PAGE_SIZE } from './dto/list-orders.dto';
import type { ListOrdersQueryDto } from './dto/list-orders.dto';
import { OrderItemEntity } from './entities/order-item.entity';
import { OrderEntity } from './entities/order.entity';
import { type StateCounts, toOrderDto, toOrderSummaryDto } from './mappers';
import { OrdersError, OrdersErrorCode } from './orders.error';
import { normalizePrice } from './price';

export interface ImportResult {
  order: OrderDto;
  created: boolean;
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) {
    return false;
  }
  const driverError = error.driverError as { code?: string } | undefined;

  return driverError?.code === '23505' || driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Escapes LIKE wildcards; `!` is the escape character named in the query. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, '!$&')}%`;
}

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectRepository(OrderItemEntity) private readonly items: Repository<OrderItemEntity>,
    private readonly dataSource: DataSource,
  ) {}

  /** Idempotent by `externalId`: a repeated import returns the stored order untouched. */
  async import(request: ImportOrderRequest): Promise<ImportResult> {
    const existing = await this.orders.findOneBy({ externalId: request.externalId });
    if (existing) {
      return { order: await this.detail(existing.id), created: false };
    }

    this.checkItemIdsUnique(request);
    const id = randomUUID();
    try {
      await this.dataSource.transaction(async (manager) => {
        const now = new Date();
        await manager.insert(OrderEntity, {
          id,
          externalId: request.externalId,
          customerName: request.customerName.trim(),
          comment: request.comment?.trim() || null,
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(
          OrderItemEntity,
          request.items.map((item, position) => ({
            id: randomUUID(),
            orderId: id,
            position,
            externalId: item.externalId,
            provider: item.provider,
            providerItemId: item.providerItemId.trim(),
            skuId: item.skuId?.trim() || null,
            configuration: item.configuration?.trim() || null,
            title: item.title.trim(),
            quantity: item.quantity,
            unitPrice: normalizePrice(item.unitPrice),
            currency: item.currency,
            sellerId: item.sellerId.trim(),
            sellerName: item.sellerName.trim(),
            isTmall: item.isTmall ?? false,
            pictureUrl: item.pictureUrl ?? null,
            itemUrl: item.itemUrl ?? null,
            state: 'available' as const,
            stateReason: null,
            providerOrderNumber: null,
            trackingNumber: null,
            accountId: null,
            createdAt: now,
            updatedAt: now,
          })),
        );
      });
    } catch (error) {
      // Two imports of one order raced; the other one won, so this is a repeat.
      if (isUniqueViolation(error)) {
        const winner = await this.orders.findOneBy({ externalId: request.externalId });
        if (winner) {
          return { order: await this.detail(winner.id), created: false };
        }
      }
      throw error;
    }

    this.logger.log(`Imported order ${request.externalId} with ${request.items.length} item(s)`);

    return { order: await this.detail(id), created: true };
  }

  async detail(id: string): Promise<OrderDto> {
    const order = await this.orders.findOneBy({ id });
    if (!order) {
      throw new OrdersError(OrdersErrorCode.OrderNotFound, `Order ${id} does not exist`);
    }

    const items = await this.items.find({
      where: { orderId: id },
      relations: { account: true },
      order: { position: 'ASC' },
    });

    return toOrderDto(order, items);
  }

  /** Newest first, paged by an opaque cursor over (created_at, id). */
  async list(query: ListOrdersQueryDto): Promise<Page<OrderSummaryDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.orders.createQueryBuilder('o');

    if (query.state) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM order_items si WHERE si.order_id = o.id AND si.state = :state)',
        { state: query.state },
      );
    }
    const text = query.q?.trim();
    if (text) {
      qb.andWhere(
        `(LOWER(o.external_id) LIKE :like ESCAPE '!'
          OR LOWER(o.customer_name) LIKE :like ESCAPE '!'
          OR EXISTS (SELECT 1 FROM order_items qi WHERE qi.order_id = o.id AND (
            LOWER(qi.title) LIKE :like ESCAPE '!'
            OR LOWER(qi.provider_order_number) LIKE :like ESCAPE '!'
            OR LOWER(qi.provider_item_id) LIKE :like ESCAPE '!')))`,
        { like: likePattern(text) },
      );
    }
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      qb.andWhere('(o.created_at < :at OR (o.created_at = :at AND o.id < :afterId))', {
        at: after.createdAt,
        afterId: after.id,
      });
    }

    const rows = await qb
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const counts = await this.stateCounts(page.map((o) => o.id));
    const last = page.at(-1);

    return {
      items: page.map((order) => toOrderSummaryDto(order, counts.get(order.id) ?? {})),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }

  private async stateCounts(orderIds: string[]): Promise<Map<string, StateCounts>> {
    const result = new Map<string, StateCounts>();
    if (orderIds.length === 0) {
      return result;
    }

    const rows = await this.items
      .createQueryBuilder('i')
      .select('i.order_id', 'orderId')
      .addSelect('i.state', 'state')
      .addSelect('COUNT(*)', 'count')
      .where({ orderId: In(orderIds) })
      .groupBy('i.order_id')
      .addGroupBy('i.state')
      .getRawMany<{ orderId: string; state: OrderItemEntity['state']; count: string | number }>();
    for (const row of rows) {
      const counts = result.get(row.orderId) ?? {};
      counts[row.state] = Number(row.count);
      result.set(row.orderId, counts);
    }

    return result;
  }

  private checkItemIdsUnique(request: ImportOrderRequest): void {
    const seen = new Map<string, number>();
    const fields: Record<string, string[]> = {};
    request.items.forEach((item, index) => {
      const first = seen.get(item.externalId);
      if (first === undefined) {
        seen.set(item.externalId, index);
      } else {
        fields[`items.${index}.externalId`] = [`repeats the externalId of items.${first}`];
      }
    });

    if (Object.keys(fields).length > 0) {
      throw new OrdersError(
        OrdersErrorCode.InvalidOrder,
        'Item external ids must be unique',
        fields,
      );
    }
  }
}
