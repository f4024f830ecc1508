import { randomUUID } from 'node:crypto';

import type { ActivityEventDto, ActivityEventLevel, ActivityEventType } from '@autobuy/contracts';
import { type DataSource, MoreThan, type Repository } from 'typeorm';

import { ActivityEventEntity } from '../entities/activity-event.entity';
import { ActivityEntity } from '../entities/activity.entity';
import type { ActivityEventBus } from '../live/event-bus';
import { toEventDto } from './mappers';
import { isUniqueViolation } from './unique-violation';
import { asRow } from './as-row';

export interface NewEvent {
  type: ActivityEventType;
  level: ActivityEventLevel;
  message: string;
  data?: Record<string, unknown> | null;
}

const MAX_SEQ_CLASHES = 20;

/** Appends events with the next seq of their activity, then publishes them. */
export class EventLog {
  private readonly events: Repository<ActivityEventEntity>;
  private readonly activities: Repository<ActivityEntity>;

  constructor(
    dataSource: DataSource,
    private readonly bus: ActivityEventBus,
  ) {
    this.events = dataSource.getRepository(ActivityEventEntity);
    this.activities = dataSource.getRepository(ActivityEntity);
  }

  async append(activity: ActivityEntity, event: NewEvent): Promise<ActivityEventDto> {
    const saved = await this.insertWithNextSeq(activity.id, event);

    // The row is committed: publish first, so the live channel does not wait for last_seq.
    const dto = toEventDto(saved);
    this.bus.publish({
      type: 'activity',
      activity: {
        id: activity.id,
        kind: activity.kind as never,
        state: activity.state,
        accountId: activity.accountId,
        orderId: activity.orderId,
        lastSeq: Math.max(activity.lastSeq, saved.seq),
      },
      event: dto,
    });

    // last_seq only moves forward, even when two writers finish out of order.
    await this.activities
      .createQueryBuilder()
      .update()
      .set({ lastSeq: saved.seq })
      .where('id = :id AND last_seq < :seq', { id: activity.id, seq: saved.seq })
      .execute();

    return dto;
  }

  async after(activityId: string, afterSeq: number, limit = 1000): Promise<ActivityEventDto[]> {
    const rows = await this.events.find({
      where: { activityId, seq: MoreThan(afterSeq) },
      order: { seq: 'ASC' },
      take: limit,
    });

    return rows.map(toEventDto);
  }

  // Two writers may read the same max; the unique (activity_id, seq) key refuses the second,
  // which reads again. A visible seq N therefore implies that 1..N-1 are visible too.
  private async insertWithNextSeq(
    activityId: string,
    event: NewEvent,
  ): Promise<ActivityEventEntity> {
    for (let clash = 0; ; clash += 1) {
      const last = (await this.events.maximum('seq', { activityId })) ?? 0;
      const row = this.events.create({
        id: randomUUID(),
        activityId,
        seq: last + 1,
        type: event.type,
        level: event.level,
        message: event.message,
        data: event.data ?? null,
        createdAt: new Date(),
      });
      try {
        await this.events.insert(asRow(row));

        return row;
      } catch (error) {
        if (!isUniqueViolation(error) || clash >= MAX_SEQ_CLASHES) {
          throw error;
        }
      }
    }
  }
}
