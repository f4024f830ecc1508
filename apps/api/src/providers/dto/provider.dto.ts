import type { UpdateProviderRequest } from '@autobuy/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

import { WholeNumber } from '../../common/http/rules';

export class UpdateProviderBody implements UpdateProviderRequest {
  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional({ example: 5, description: 'Accepted price rise without asking, in %' })
  @IsOptional()
  @WholeNumber(0, 100)
  priceTolerancePercent?: number;
}
