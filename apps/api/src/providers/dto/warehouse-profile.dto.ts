import type { WarehouseProfileDto } from '@autobuy/contracts';
import { ApiProperty } from '@nestjs/swagger';

import { characters, Rule, Text } from '../../common/http/rules';

const HAN = /\p{Script=Han}/u;

/** Taobao-style checkout address; every rule reports its own message. */
export class WarehouseProfileBody implements WarehouseProfileDto {
  @ApiProperty({ example: '王鑫磊奇跡', description: 'Recipient name, 2 to 14 characters' })
  @Text()
  @Rule(
    'recipientNameLength',
    (v) => characters(v.trim()) >= 2 && characters(v.trim()) <= 14,
    'must be 2 to 14 characters',
  )
  recipientName!: string;

  @ApiProperty({ example: '11147043234', description: '11-digit mainland mobile number' })
  @Text()
  @Rule('mobileDigits', (v) => /^\d*$/.test(v), 'must contain digits only')
  @Rule('mobileLength', (v) => v.length === 11, 'must be 11 digits long')
  @Rule('mobileStart', (v) => v.startsWith('1'), 'must start with 1 (a mainland mobile number)')
  mobilePhone!: string;

  @ApiProperty({ example: '150784', description: 'Numeric region code, 6 digits' })
  @Text()
  @Rule('regionDigits', (v) => /^\d*$/.test(v), 'must contain digits only')
  @Rule('regionLength', (v) => v.length === 6, 'must be 6 digits long')
  regionCode!: string;

  @ApiProperty({ example: '021400', description: 'Postal code, exactly 6 digits' })
  @Text()
  @Rule('zipDigits', (v) => /^\d*$/.test(v), 'must contain digits only')
  @Rule('zipLength', (v) => v.length === 6, 'must be exactly 6 digits')
  zipCode!: string;

  @ApiProperty({
    example: '尚都国际小区东区9号楼23号车库',
    description: 'In Chinese, without the parts the region already names',
  })
  @Text()
  @Rule('addressNotEmpty', (v) => v.trim() !== '', 'must not be empty')
  @Rule('addressChinese', (v) => v.trim() === '' || HAN.test(v), 'must be written in Chinese')
  @Rule('addressLength', (v) => characters(v) <= 200, 'must be at most 200 characters')
  address!: string;
}
