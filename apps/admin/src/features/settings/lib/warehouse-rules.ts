import type { WarehouseProfileDto } from '@autobuy/contracts';

export type WarehouseField = keyof WarehouseProfileDto;

export const WAREHOUSE_FIELDS: readonly WarehouseField[] = [
  'recipientName',
  'mobilePhone',
  'regionCode',
  'zipCode',
  'address',
];

/** Why a field is refused; the form turns each code into a sentence in the operator's language. */
export type WarehouseRule =
  | 'recipientNameLength'
  | 'mobilePhoneFormat'
  | 'regionCodeFormat'
  | 'zipCodeFormat'
  | 'addressRequired'
  | 'addressChinese';

const NAME_MIN = 2;
const NAME_MAX = 14;
const MAINLAND_MOBILE = /^1\d{10}$/;
const SIX_DIGITS = /^\d{6}$/;
const HAN = /\p{Script=Han}/u;

/**
 * The same rules the API applies (BRIEF.md), checked before sending so the operator sees every
 * problem at once without a round trip. The server stays the authority: its messages are shown
 * too when it refuses.
 */
export function validateWarehouseProfile(
  profile: WarehouseProfileDto,
): Partial<Record<WarehouseField, WarehouseRule>> {
  const problems: Partial<Record<WarehouseField, WarehouseRule>> = {};

  // Counted in code points, so a name in Chinese characters is measured as the operator sees it.
  const nameLength = [...profile.recipientName.trim()].length;
  if (nameLength < NAME_MIN || nameLength > NAME_MAX) {
    problems.recipientName = 'recipientNameLength';
  }

  if (!MAINLAND_MOBILE.test(profile.mobilePhone.trim())) {
    problems.mobilePhone = 'mobilePhoneFormat';
  }

  if (!SIX_DIGITS.test(profile.regionCode.trim())) {
    problems.regionCode = 'regionCodeFormat';
  }

  if (!SIX_DIGITS.test(profile.zipCode.trim())) {
    problems.zipCode = 'zipCodeFormat';
  }

  const address = profile.address.trim();
  if (address === '') {
    problems.address = 'addressRequired';
  } else if (!HAN.test(address)) {
    problems.address = 'addressChinese';
  }

  return problems;
}

export function trimProfile(profile: WarehouseProfileDto): WarehouseProfileDto {
  return {
    recipientName: profile.recipientName.trim(),
    mobilePhone: profile.mobilePhone.trim(),
    regionCode: profile.regionCode.trim(),
    zipCode: profile.zipCode.trim(),
    address: profile.address.trim(),
  };
}
