import type { UpdateProviderRequest } from '@autobuy/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class UpdateProviderBody implements UpdateProviderRequest {
  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional({ example: 5, description: 'Accepted price rise without asking, in %' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(100, { message: 'must be at most 100' })
  priceTolerancePercent?: number;
}
