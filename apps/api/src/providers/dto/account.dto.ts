import {
  PROVIDER_CODES,
  type CreateProviderAccountRequest,
  type ProviderCode,
  type UpdateProviderAccountRequest,
} from '@autobuy/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, MaxLength } from 'class-validator';

import { characters, Rule, Text } from '../../common/http/rules';

const PROVIDER_MESSAGE = `must be one of: ${PROVIDER_CODES.join(', ')}`;

export class CreateAccountBody implements CreateProviderAccountRequest {
  @ApiProperty({ enum: PROVIDER_CODES, example: 'sandbox' })
  @IsIn(PROVIDER_CODES, { message: PROVIDER_MESSAGE })
  provider!: ProviderCode;

  @ApiProperty({ example: 'sandbox_buyer', description: "The buyer account's nickname" })
  @Text()
  @Rule(
    'loginLength',
    (v) => characters(v.trim()) >= 1 && characters(v) <= 64,
    'must be 1 to 64 characters',
  )
  @Rule(
    'loginNotPhone',
    (v) => !/^\+?[\d\s-]{7,}$/.test(v.trim()),
    "must be the account's nickname, not a phone number",
  )
  login!: string;

  @ApiPropertyOptional({ example: 'Main buyer account' })
  @IsOptional()
  @Text({ optional: true })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  note?: string;

  @ApiPropertyOptional({ example: 'kitmall-demo-key', description: 'Only for Kitmall' })
  @IsOptional()
  @Text({ optional: true })
  @Rule('apiKeyLength', (v) => v.length >= 1 && v.length <= 200, 'must be 1 to 200 characters')
  apiKey?: string;
}

export class UpdateAccountBody implements UpdateProviderAccountRequest {
  @ApiPropertyOptional({ example: 'Second buyer account' })
  @IsOptional()
  @Text({ optional: true })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  note?: string;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  enabled?: boolean;
}

export class ListAccountsQuery {
  @ApiPropertyOptional({ enum: PROVIDER_CODES })
  @IsOptional()
  @IsIn(PROVIDER_CODES, { message: PROVIDER_MESSAGE })
  provider?: ProviderCode;
}
