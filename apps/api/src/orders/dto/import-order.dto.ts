import {
  CURRENCIES,
  PROVIDER_CODES,
  type Currency,
  type ImportOrderItemRequest,
  type ImportOrderRequest,
  type ProviderCode,
} from '@autobuy/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUrl, ValidateBy, ValidateNested } from 'class-validator';

import { characters, ListOf, Rule, Text, WholeNumber } from '../../common/http/rules';

export const MAX_ITEMS_PER_ORDER = 500;

const length = (name: string, min: number, max: number): PropertyDecorator =>
  Rule(
    `${name}Length`,
    (v) => characters(v.trim()) >= min && characters(v) <= max,
    min === 1
      ? `must not be empty and at most ${max} characters`
      : `must be ${min} to ${max} characters`,
  );

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Accepts `129`, `129.5`, `"129.00"`: at most two decimals, never negative. */
export const PRICE_PATTERN = /^\d{1,10}(\.\d{1,2})?$/;

function IsPrice(): PropertyDecorator {
  return ValidateBy({
    name: 'price',
    validator: {
      validate: (value: unknown) =>
        (typeof value === 'string' || typeof value === 'number') &&
        PRICE_PATTERN.test(String(value)),
      defaultMessage: (args) =>
        args?.value === undefined || args.value === null
          ? 'is required'
          : 'must be a price like "129.00": digits, at most two decimals, not negative',
    },
  });
}

export class ImportOrderItemBody implements ImportOrderItemRequest {
  @ApiProperty({
    example: 'line-1',
    description: "The shop's id of this line, unique in the order",
  })
  @Text()
  @length('externalId', 1, 100)
  externalId!: string;

  @ApiProperty({ enum: PROVIDER_CODES, example: 'sandbox' })
  @IsIn(PROVIDER_CODES, { message: `must be one of: ${PROVIDER_CODES.join(', ')}` })
  provider!: ProviderCode;

  @ApiProperty({ example: '600000000001' })
  @Text()
  @length('providerItemId', 1, 64)
  providerItemId!: string;

  @ApiPropertyOptional({ example: '60000000000103' })
  @IsOptional()
  @Text({ optional: true })
  @length('skuId', 1, 64)
  skuId?: string;

  @ApiPropertyOptional({ example: '颜色分类:黑色; 尺码:XL' })
  @IsOptional()
  @Text({ optional: true })
  @length('configuration', 1, 500)
  configuration?: string;

  @ApiProperty({ example: '男士纯棉圆领短袖T恤 夏季宽松' })
  @Text()
  @length('title', 1, 500)
  title!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 9999 })
  @WholeNumber(1, 9999)
  quantity!: number;

  @ApiProperty({ example: '59.00', oneOf: [{ type: 'string' }, { type: 'number' }] })
  @IsPrice()
  unitPrice!: string | number;

  @ApiProperty({ enum: CURRENCIES, example: 'CNY' })
  @IsIn(CURRENCIES, { message: `must be one of: ${CURRENCIES.join(', ')}` })
  currency!: Currency;

  @ApiProperty({ example: '2200000001' })
  @Text()
  @length('sellerId', 1, 64)
  sellerId!: string;

  @ApiProperty({ example: '简约男装工作室' })
  @Text()
  @length('sellerName', 1, 200)
  sellerName!: string;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  isTmall?: boolean;

  @ApiPropertyOptional({ example: 'http://127.0.0.1:3100/img/item/600000000001.svg' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'must be an http(s) URL' })
  pictureUrl?: string;

  @ApiPropertyOptional({ example: 'http://127.0.0.1:3100/item.htm?id=600000000001' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'must be an http(s) URL' })
  itemUrl?: string;
}

export class ImportOrderBody implements ImportOrderRequest {
  @ApiProperty({
    example: 'SHOP-10045',
    description: "The shop's order id; imports are idempotent by it",
  })
  @Text()
  @length('externalId', 1, 100)
  externalId!: string;

  @ApiProperty({ example: 'Иванова Мария' })
  @Text()
  @length('customerName', 1, 200)
  customerName!: string;

  @ApiPropertyOptional({ example: 'Пакуйте аккуратно' })
  @IsOptional()
  @Text({ optional: true })
  @Rule('commentLength', (v) => characters(v) <= 2000, 'must be at most 2000 characters')
  comment?: string;

  @ApiProperty({ type: [ImportOrderItemBody] })
  @ListOf('items', 1, MAX_ITEMS_PER_ORDER)
  @ValidateNested({ each: true, message: 'must be an object' })
  @Type(() => ImportOrderItemBody)
  items!: ImportOrderItemBody[];
}
