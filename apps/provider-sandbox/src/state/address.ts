import { ProviderError, TEXTS } from './errors';
import type { Address } from './types';

const RULES: Array<[keyof Address, RegExp]> = [
  ['fullName', /^.{2,25}$/u],
  ['mobile', /^1\d{10}$/],
  ['divisionCode', /^\d{6}$/],
  ['post', /^\d{6}$/],
  ['addressDetail', /^.{4,120}$/u],
];

export function validateAddress(raw: Partial<Record<keyof Address, string | undefined>>): Address {
  const address = {} as Address;
  for (const [field, pattern] of RULES) {
    const value = (raw[field] ?? '').trim();
    if (!pattern.test(value)) {
      throw new ProviderError('ADDRESS_INVALID', TEXTS.addressInvalid, { field });
    }
    address[field] = value;
  }

  return address;
}
