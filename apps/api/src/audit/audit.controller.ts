import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';

import { WholeNumber } from '../common/http/rules';

import { ADMIN_ONLY, Roles } from '../auth/decorators';
import { AuditService } from './audit.service';

class AuditQuery {
  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @WholeNumber(1, 500, { message: 'must be a whole number from 1 to 500' })
  limit?: number;
}

export interface AuditEntryDto {
  id: string;
  occurredAt: string;
  actorType: string;
  actorLabel: string | null;
  action: string;
  target: string | null;
  outcome: string;
  ip: string | null;
}

@ApiTags('audit')
@Controller('audit-log')
@Roles(...ADMIN_ONLY)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  async latest(@Query() query: AuditQuery): Promise<AuditEntryDto[]> {
    const rows = await this.audit.latest(query.limit ?? 100);

    return rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      actorType: row.actorType,
      actorLabel: row.actorLabel,
      action: row.action,
      target: row.target,
      outcome: row.outcome,
      ip: row.ip,
    }));
  }
}
