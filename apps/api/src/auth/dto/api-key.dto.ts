import { API_KEY_SCOPES, type ApiKeyScope, type CreateApiKeyRequest } from '@autobuy/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({ example: 'Shop integration' })
  @IsString({ message: 'must be a string' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['read', 'orders:write'] })
  @IsArray({ message: 'must be a list of scopes' })
  @ArrayMinSize(1, { message: 'must name at least one scope' })
  @ArrayUnique({ message: 'must not repeat a scope' })
  @IsIn(API_KEY_SCOPES, {
    each: true,
    message: `each must be one of: ${API_KEY_SCOPES.join(', ')}`,
  })
  scopes!: ApiKeyScope[];
}
