import {
  type ListSessionsQuery,
  PROVIDER_CODES,
  type ProviderCode,
  type StartSessionRequest,
} from '@autobuy/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

const PROVIDER_MESSAGE = `must be one of: ${PROVIDER_CODES.join(', ')}`;

export class StartSessionBody implements StartSessionRequest {
  @ApiProperty({ enum: PROVIDER_CODES, example: 'sandbox' })
  @IsIn(PROVIDER_CODES, { message: PROVIDER_MESSAGE })
  provider!: ProviderCode;

  @ApiPropertyOptional({ description: 'Required for API-key providers (Kitmall)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an account id' })
  accountId?: string;
}

export class ListSessionsParams implements ListSessionsQuery {
  @ApiPropertyOptional({ enum: PROVIDER_CODES })
  @IsOptional()
  @IsIn(PROVIDER_CODES, { message: PROVIDER_MESSAGE })
  provider?: ProviderCode;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be an account id' })
  accountId?: string;
}
