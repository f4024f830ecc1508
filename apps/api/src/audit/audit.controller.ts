import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { AuditEntryDto, Page } from '@autobuy/contracts';
import { Type } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';

import { WholeNumber } from '../common/http/rules';

import { ADMIN_ONLY, Roles } from '../auth/decorators';
import type { AuditLogEntity } from './audit-log.entity';
import { AuditService } from './audit.service';

class AuditQuery {
  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @WholeNumber(1, 500, { message: 'must be a whole number from 1 to 500' })
  limit?: number;
}

class AuditPageQuery extends AuditQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  cursor?: string;
}

function toAuditEntryDto(row: AuditLogEntity): AuditEntryDto {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorType: row.actorType,
    actorLabel: row.actorLabel,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.userAgent,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
  };
}

@ApiTags('audit')
@Controller()
@Roles(...ADMIN_ONLY)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit-log')
  @ApiOperation({ summary: 'The newest audit entries (see GET /audit for paging)' })
  async latest(@Query() query: AuditQuery): Promise<AuditEntryDto[]> {
    const rows = await this.audit.latest(query.limit ?? 100);

    return rows.map(toAuditEntryDto);
  }

  @Get('audit')
  @ApiOperation({ summary: 'The audit log, newest first, with cursor paging' })
  async page(@Query() query: AuditPageQuery): Promise<Page<AuditEntryDto>> {
    const { rows, nextCursor } = await this.audit.page(query.limit ?? 100, query.cursor);

    return { items: rows.map(toAuditEntryDto), nextCursor };
  }
}
