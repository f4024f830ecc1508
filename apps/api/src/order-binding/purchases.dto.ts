import type {
  CreateBindingRequest,
  CreateReservationRequest,
  CreateUnbindingRequest,
} from '@autobuy/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

import { ListOf } from '../common/http/rules';

/** One operation handles at most this many items (an order holds at most 500). */
const MAX_ITEMS = 500;

export class CreateReservationBody implements CreateReservationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an order id' })
  orderId!: string;

  @ApiProperty({ type: [String], example: ['6f1c…'] })
  @ListOf('item id', 1, MAX_ITEMS)
  @IsUUID('all', { each: true, message: 'must be order item ids' })
  itemIds!: string[];

  @ApiProperty({ format: 'uuid', description: 'The provider session to buy with' })
  @IsUUID('all', { message: 'must be a session id' })
  sessionId!: string;
}

export class CreateUnbindingBody implements CreateUnbindingRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an order id' })
  orderId!: string;

  @ApiProperty({ type: [String] })
  @ListOf('item id', 1, MAX_ITEMS)
  @IsUUID('all', { each: true, message: 'must be order item ids' })
  itemIds!: string[];

  @ApiProperty({ format: 'uuid', description: 'The account the items were reserved with' })
  @IsUUID('all', { message: 'must be an account id' })
  accountId!: string;
}

export class CreateBindingBody implements CreateBindingRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an order id' })
  orderId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an account id' })
  accountId!: string;

  @ApiProperty({ example: '4000012345000001' })
  @Matches(/^\s*[0-9A-Za-z-]{1,64}\s*$/, { message: 'must be a provider order number' })
  providerOrderNumber!: string;
}
