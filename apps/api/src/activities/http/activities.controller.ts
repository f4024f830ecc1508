import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActivityDetailDto, ActivityDto, ActivityEventDto, Page } from '@autobuy/contracts';
import { DataSource } from 'typeorm';

import { ANY_ROLE, CurrentPrincipal, Roles, Scopes, WRITER_ROLES } from '../../auth/decorators';
import type { Principal } from '../../auth/principal';
import { ActivityError, ActivityErrorCode } from '../activity-error';
import type { ActivitiesEngine } from '../activities-engine';
import { ACTIVITIES_ENGINE } from '../activities.tokens';
import { AnswerQuestionBody, EventsAfterQueryDto, ListActivitiesQueryDto } from './activities.dto';
import { ActivityNames } from './activity-names';

// Any malformed id simply names no activity.
const activityId = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ActivityError(ActivityErrorCode.ActivityNotFound, 'No activity has this id'),
});

function actorOf(principal: Principal): string {
  return principal.kind === 'operator'
    ? `operator:${principal.operator.login}`
    : `api_key:${principal.apiKey.name}`;
}

@ApiTags('activities')
@Controller('activities')
export class ActivitiesController {
  private readonly names: ActivityNames;

  constructor(
    @Inject(ACTIVITIES_ENGINE) private readonly engine: ActivitiesEngine,
    @Inject(DataSource) dataSource: DataSource,
  ) {
    this.names = new ActivityNames(dataSource);
  }

  @Get()
  @Roles(...ANY_ROLE)
  @Scopes('read')
  @ApiOperation({
    summary: 'Activities, newest first, with account login and order number; filters combine',
  })
  async list(@Query() query: ListActivitiesQueryDto): Promise<Page<ActivityDto>> {
    const { orderNumber, ...filters } = query;
    if (orderNumber !== undefined) {
      // The number becomes the order's id, which the list's indexes know.
      const orderId = await this.names.orderIdOf(orderNumber);
      if (orderId === null || (filters.orderId !== undefined && filters.orderId !== orderId)) {
        return { items: [], nextCursor: null };
      }
      filters.orderId = orderId;
    }
    const page = await this.engine.service.list(filters);

    return { ...page, items: await this.names.name(page.items) };
  }

  @Get(':id')
  @Roles(...ANY_ROLE)
  @Scopes('read')
  @ApiOperation({ summary: 'One activity with its questions' })
  async detail(@Param('id', activityId) id: string): Promise<ActivityDetailDto> {
    return this.names.nameOne(await this.engine.service.detail(id));
  }

  @Get(':id/events')
  @Roles(...ANY_ROLE)
  @Scopes('read')
  @ApiOperation({ summary: 'Events after a sequence number, oldest first' })
  events(
    @Param('id', activityId) id: string,
    @Query() query: EventsAfterQueryDto,
  ): Promise<ActivityEventDto[]> {
    return this.engine.service.eventsAfter(id, query.afterSeq ?? 0, query.limit);
  }

  @Post(':id/answers')
  @HttpCode(200)
  @Roles(...WRITER_ROLES)
  @Scopes('purchases:write')
  @ApiOperation({
    summary: 'Answer the open question (once; the choice must be an offered option)',
  })
  async answer(
    @Param('id', activityId) id: string,
    @Body() body: AnswerQuestionBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ActivityDetailDto> {
    return this.names.nameOne(
      await this.engine.service.answer(id, body.questionId, body.choice, actorOf(principal)),
    );
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...WRITER_ROLES)
  @Scopes('purchases:write')
  @ApiOperation({
    summary: 'Cancel: at once when queued or waiting, at the next step when running',
  })
  async cancel(
    @Param('id', activityId) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ActivityDto> {
    return this.names.nameOne(await this.engine.service.cancel(id, actorOf(principal)));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles(...WRITER_ROLES)
  @Scopes('purchases:write')
  @ApiOperation({ summary: 'Run a failed activity again from the step that failed' })
  async retry(
    @Param('id', activityId) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ActivityDto> {
    return this.names.nameOne(await this.engine.service.retry(id, actorOf(principal)));
  }
}
