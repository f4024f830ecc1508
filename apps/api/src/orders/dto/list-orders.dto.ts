import {
  ITEM_PURCHASE_STATES,
  type ItemPurchaseState,
  type ListOrdersQuery,
} from '@autobuy/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';

import { Rule, Text, WholeNumber } from '../../common/http/rules';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export class ListOrdersQueryDto implements ListOrdersQuery {
  @ApiPropertyOptional({ enum: ITEM_PURCHASE_STATES, description: 'Orders with an item in it' })
  @IsOptional()
  @IsIn(ITEM_PURCHASE_STATES, { message: `must be one of: ${ITEM_PURCHASE_STATES.join(', ')}` })
  state?: ItemPurchaseState;

  @ApiPropertyOptional({
    example: 'T恤',
    description: 'External id, customer, item title, provider order',
  })
  @IsOptional()
  @Text({ optional: true })
  @Rule('qLength', (v) => v.length <= 200, 'must be at most 200 characters')
  q?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Text({ optional: true })
  cursor?: string;

  @ApiPropertyOptional({ example: DEFAULT_PAGE_SIZE, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @WholeNumber(1, MAX_PAGE_SIZE, { message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  limit?: number;
}
