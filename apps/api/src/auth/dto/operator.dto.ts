import {
  OPERATOR_ROLES,
  type CreateOperatorRequest,
  type OperatorRole,
  type UpdateOperatorRequest,
} from '@autobuy/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

const ROLE_MESSAGE = `must be one of: ${OPERATOR_ROLES.join(', ')}`;

export class CreateOperatorDto implements CreateOperatorRequest {
  @ApiProperty({ example: 'anna' })
  @IsString({ message: 'must be a string' })
  @Matches(/^[A-Za-z0-9._-]{2,64}$/, {
    message: 'must be 2 to 64 latin letters, digits, dots, dashes or underscores',
  })
  login!: string;

  @ApiProperty({ example: 'a long passphrase', minLength: 10 })
  @IsString({ message: 'must be a string' })
  @Length(10, 200, { message: 'must be 10 to 200 characters' })
  password!: string;

  @ApiProperty({ enum: OPERATOR_ROLES, example: 'operator' })
  @IsIn(OPERATOR_ROLES, { message: ROLE_MESSAGE })
  role!: OperatorRole;
}

export class UpdateOperatorDto implements UpdateOperatorRequest {
  @ApiPropertyOptional({ enum: OPERATOR_ROLES, example: 'viewer' })
  @IsOptional()
  @IsIn(OPERATOR_ROLES, { message: ROLE_MESSAGE })
  role?: OperatorRole;

  @ApiPropertyOptional({ example: true, description: 'Disabling also ends its login sessions' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  disabled?: boolean;

  @ApiPropertyOptional({ example: 'a new long passphrase' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(10, 200, { message: 'must be 10 to 200 characters' })
  password?: string;
}
