import {
  type CreateWebhookRequest,
  type UpdateWebhookRequest,
  WEBHOOK_EVENTS,
  type WebhookEvent,
} from '@autobuy/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
} from 'class-validator';

import { WholeNumber } from '../common/http/rules';

// Receivers on a private address (127.0.0.1, an intranet host) are legitimate, so no TLD rule.
const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const URL_MESSAGE = 'must be an http(s) URL';
const EVENTS_MESSAGE = `each must be one of: ${WEBHOOK_EVENTS.join(', ')}`;

export class CreateWebhookDto implements CreateWebhookRequest {
  @ApiProperty({ example: 'https://shop.example.com/autobuy/events' })
  @IsString({ message: URL_MESSAGE })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['item.state_changed'] })
  @IsArray({ message: 'must be a list of events' })
  @ArrayMinSize(1, { message: 'must name at least one event' })
  @ArrayUnique({ message: 'must not repeat an event' })
  @IsIn(WEBHOOK_EVENTS, { each: true, message: EVENTS_MESSAGE })
  events!: WebhookEvent[];

  @ApiPropertyOptional({ description: 'Generated when left out; shown once in the answer' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @Length(16, 200, { message: 'must be 16 to 200 characters' })
  secret?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  enabled?: boolean;
}

export class UpdateWebhookDto implements UpdateWebhookRequest {
  @ApiPropertyOptional({ example: 'https://shop.example.com/autobuy/events' })
  @IsOptional()
  @IsString({ message: URL_MESSAGE })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsOptional()
  @IsArray({ message: 'must be a list of events' })
  @ArrayMinSize(1, { message: 'must name at least one event' })
  @ArrayUnique({ message: 'must not repeat an event' })
  @IsIn(WEBHOOK_EVENTS, { each: true, message: EVENTS_MESSAGE })
  events?: WebhookEvent[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  enabled?: boolean;
}

export class DeliveriesQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  cursor?: string;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @WholeNumber(1, 100, { message: 'must be a whole number from 1 to 100' })
  limit?: number;
}
