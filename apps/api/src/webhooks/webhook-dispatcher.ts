import { randomUUID } from 'node:crypto';

import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, type Repository } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SecretBox } from '../crypto/secret-box';
import { WebhookAttemptEntity } from './entities/webhook-attempt.entity';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookEntity } from './entities/webhook.entity';
import { sendDelivery, type SendResult } from './webhook-sender';
import { retryDelayMs, WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings';

const BATCH = 10;

/**
 * Sends due deliveries and plans their retries, all through the database: a delivery is
 * claimed by pushing its `next_attempt_at` past the send's timeout in one conditional UPDATE,
 * so two processes never send the same attempt, and a process that dies mid-send leaves the
 * delivery to be retried once that claim lapses (receivers dedupe by `X-Autobuy-Delivery`).
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private again = false;
  private active = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @InjectRepository(WebhookEntity) private readonly webhooks: Repository<WebhookEntity>,
    @InjectRepository(WebhookDeliveryEntity)
    private readonly deliveries: Repository<WebhookDeliveryEntity>,
    @InjectRepository(WebhookAttemptEntity)
    private readonly attempts: Repository<WebhookAttemptEntity>,
    private readonly box: SecretBox,
  ) {}

  onApplicationBootstrap(): void {
    // An API-only process queues deliveries; the worker (or the all-in-one process) sends them.
    if (this.config.role === 'api') {
      return;
    }

    this.active = true;
    this.timer = setInterval(() => this.wake(), this.settings.pollIntervalMs);
    this.timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.active = false;
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.current;
  }

  /** Runs a round now, or right after the one in progress. */
  wake(): void {
    if (!this.active) {
      return;
    }
    if (this.current) {
      this.again = true;

      return;
    }

    this.current = this.rounds().finally(() => {
      this.current = null;
    });
  }

  private async rounds(): Promise<void> {
    do {
      this.again = false;
      try {
        while (this.active && (await this.round()) === BATCH) {
          // A full batch: more may be due at once.
        }
      } catch (error) {
        this.logger.error('A round of webhook deliveries failed', error as Error);
      }
    } while (this.again && this.active);
  }

  /** Sends one batch of due deliveries; returns how many were due. */
  private async round(): Promise<number> {
    const due = await this.deliveries.find({
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(new Date()) },
      order: { nextAttemptAt: 'ASC' },
      take: BATCH,
    });
    await Promise.all(due.map((delivery) => this.attempt(delivery)));

    return due.length;
  }

  private async attempt(delivery: WebhookDeliveryEntity): Promise<void> {
    const now = new Date();
    const claim = await this.deliveries
      .createQueryBuilder()
      .update()
      .set({
        attempts: () => 'attempts + 1',
        nextAttemptAt: new Date(now.getTime() + this.settings.timeoutMs + 30_000),
      })
      .where('id = :id AND status = :pending AND next_attempt_at <= :now', {
        id: delivery.id,
        pending: 'pending',
        now,
      })
      .execute();
    if ((claim.affected ?? 0) === 0) {
      return;
    }

    const attempt = delivery.attempts + 1;
    const webhook = await this.webhooks.findOneBy({ id: delivery.webhookId });
    const result: SendResult =
      webhook && webhook.enabled
        ? await sendDelivery({
            url: webhook.url,
            secret: this.box.open(webhook.secretSealed),
            event: delivery.event,
            deliveryId: delivery.id,
            payload: delivery.payload,
            timeoutMs: this.settings.timeoutMs,
          })
        : { ok: false, responseStatus: null, error: 'The webhook was disabled before sending' };

    await this.record(delivery.id, attempt, result, webhook?.enabled === true);
  }

  private async record(
    deliveryId: string,
    attempt: number,
    result: SendResult,
    mayRetry: boolean,
  ): Promise<void> {
    const now = new Date();
    await this.attempts.insert({
      id: randomUUID(),
      deliveryId,
      attempt,
      attemptedAt: now,
      responseStatus: result.responseStatus,
      error: result.error,
    });

    const givesUp = !mayRetry || attempt >= this.settings.maxAttempts;
    await this.deliveries.update(
      { id: deliveryId },
      {
        responseStatus: result.responseStatus,
        error: result.ok
          ? null
          : givesUp && mayRetry
            ? `${result.error ?? 'Failed'}; gave up after ${attempt} attempts`.slice(0, 500)
            : result.error,
        status: result.ok ? 'delivered' : givesUp ? 'failed' : 'pending',
        deliveredAt: result.ok ? now : null,
        nextAttemptAt:
          result.ok || givesUp
            ? null
            : new Date(now.getTime() + retryDelayMs(this.settings, attempt)),
      },
    );
  }
}
