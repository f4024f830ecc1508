import { randomUUID } from 'node:crypto';

import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Page, WebhookDeliveryLogDto } from '@autobuy/contracts';
import { In, type Repository } from 'typeorm';

import { SecretBox } from '../crypto/secret-box';
import { decodeDeliveryCursor, encodeDeliveryCursor } from './delivery-cursor';
import { WebhookAttemptEntity } from './entities/webhook-attempt.entity';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookEntity } from './entities/webhook.entity';
import { toDeliveryDto } from './mappers';
import type { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto';
import { newWebhookSecret } from './webhook-signature';

/** Webhook settings and their delivery log, as the admin manages them. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectRepository(WebhookEntity) private readonly webhooks: Repository<WebhookEntity>,
    @InjectRepository(WebhookDeliveryEntity)
    private readonly deliveries: Repository<WebhookDeliveryEntity>,
    @InjectRepository(WebhookAttemptEntity)
    private readonly attempts: Repository<WebhookAttemptEntity>,
    private readonly box: SecretBox,
  ) {}

  list(): Promise<WebhookEntity[]> {
    return this.webhooks.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Returns the plain secret once; only its sealed form is stored. */
  async create(
    body: CreateWebhookDto,
    createdBy: string | null,
  ): Promise<{ entity: WebhookEntity; secret: string }> {
    const secret = body.secret ?? newWebhookSecret();
    const now = new Date();
    const entity = this.webhooks.create({
      id: randomUUID(),
      url: body.url,
      events: body.events,
      secretSealed: this.box.seal(secret),
      enabled: body.enabled ?? true,
      createdBy,
      createdAt: now,
      updatedAt: now,
    });
    await this.webhooks.insert(entity);

    return { entity, secret };
  }

  async update(id: string, body: UpdateWebhookDto): Promise<WebhookEntity> {
    const entity = await this.get(id);
    if (body.url !== undefined) {
      entity.url = body.url;
    }
    if (body.events !== undefined) {
      entity.events = body.events;
    }
    if (body.enabled !== undefined) {
      entity.enabled = body.enabled;
    }
    entity.updatedAt = new Date();
    await this.webhooks.save(entity);

    return entity;
  }

  /** Deletes the webhook with its delivery log; pending deliveries are never sent. */
  async remove(id: string): Promise<void> {
    await this.get(id);
    const deliveryIds = (
      await this.deliveries.find({ select: { id: true }, where: { webhookId: id } })
    ).map((d) => d.id);
    for (let i = 0; i < deliveryIds.length; i += 500) {
      await this.attempts.delete({ deliveryId: In(deliveryIds.slice(i, i + 500)) });
    }
    await this.deliveries.delete({ webhookId: id });
    await this.webhooks.delete({ id });
  }

  async deliveriesPage(
    id: string,
    limit: number,
    rawCursor?: string,
  ): Promise<Page<WebhookDeliveryLogDto>> {
    await this.get(id);
    const cursor = rawCursor === undefined ? null : decodeDeliveryCursor(rawCursor);

    const query = this.deliveries
      .createQueryBuilder('d')
      .where('d.webhook_id = :id', { id })
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(limit + 1);
    if (cursor) {
      query.andWhere('(d.created_at < :at OR (d.created_at = :at AND d.id < :cid))', {
        at: cursor.createdAt,
        cid: cursor.id,
      });
    }
    const rows = await query.getMany();
    const page = rows.slice(0, limit);
    const attempts =
      page.length === 0
        ? []
        : await this.attempts.find({
            where: { deliveryId: In(page.map((d) => d.id)) },
            order: { attempt: 'ASC' },
          });
    const last = page[page.length - 1];

    return {
      items: page.map((d) =>
        toDeliveryDto(
          d,
          attempts.filter((a) => a.deliveryId === d.id),
        ),
      ),
      nextCursor: rows.length > limit && last ? encodeDeliveryCursor(last) : null,
    };
  }

  private async get(id: string): Promise<WebhookEntity> {
    const entity = await this.webhooks.findOneBy({ id });
    if (!entity) {
      throw new NotFoundException(`Webhook ${id} does not exist`);
    }

    return entity;
  }
}
