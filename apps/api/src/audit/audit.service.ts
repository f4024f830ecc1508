import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

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
}
