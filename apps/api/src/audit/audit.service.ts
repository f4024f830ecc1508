import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';
import { AuditLogEntity, type AuditActorType } from './audit-log.entity';

export interface AuditRecord {
  actorType: AuditActorType;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  target: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly log: Repository<AuditLogEntity>) {}

  async record(record: AuditRecord): Promise<void> {
    await this.log.insert({
      id: randomUUID(),
      occurredAt: new Date(),
      ...record,
      details: record.details ? JSON.stringify(record.details) : null,
    });
  }

  latest(limit: number): Promise<AuditLogEntity[]> {
    return this.log.find({ order: { occurredAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** Newest first; the cursor points after the last row, so new rows never shift a page. */
  async page(
    limit: number,
    rawCursor?: string,
  ): Promise<{ rows: AuditLogEntity[]; nextCursor: string | null }> {
    const cursor = rawCursor === undefined ? null : decodeAuditCursor(rawCursor);
    const query = this.log
      .createQueryBuilder('a')
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(limit + 1);
    if (cursor) {
      query.where('(a.occurred_at < :at OR (a.occurred_at = :at AND a.id < :id))', cursor);
    }
    const rows = await query.getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];

    return {
      rows: page,
      nextCursor: rows.length > limit && last ? encodeAuditCursor(last.occurredAt, last.id) : null,
    };
  }
}
