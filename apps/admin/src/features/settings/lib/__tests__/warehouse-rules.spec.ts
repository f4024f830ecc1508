import type { WarehouseProfileDto } from '@autobuy/contracts';
import { describe, expect, it } from 'vitest';

import { trimProfile, validateWarehouseProfile } from '../warehouse-rules';

const VALID: WarehouseProfileDto = {
  recipientName: '王鑫磊奇跡',
  mobilePhone: '11147043234',
  regionCode: '150784',
  zipCode: '021400',
  address: '尚都国际小区东区9号楼23号车库',
};

describe('validateWarehouseProfile', () => {
  it('should accept the example profile of the brief', () => {
    expect(validateWarehouseProfile(VALID)).toEqual({});
  });

  it.each([
    ['recipientName', '王', 'recipientNameLength'],
    ['recipientName', '  ', 'recipientNameLength'],
    ['recipientName', '王'.repeat(15), 'recipientNameLength'],
    ['mobilePhone', '21147043234', 'mobilePhoneFormat'],
    ['mobilePhone', '1114704323', 'mobilePhoneFormat'],
    ['mobilePhone', '+8613800138000', 'mobilePhoneFormat'],
    ['regionCode', '15078A', 'regionCodeFormat'],
    ['regionCode', '1507', 'regionCodeFormat'],
    ['zipCode', '02140', 'zipCodeFormat'],
    ['zipCode', '0214000', 'zipCodeFormat'],
    ['address', '', 'addressRequired'],
    ['address', 'Building 9, garage 23', 'addressChinese'],
  ] as const)('should refuse %s "%s" with %s', (field, value, rule) => {
    const problems = validateWarehouseProfile({ ...VALID, [field]: value });

    expect(problems).toEqual({ [field]: rule });
  });

  it.each([
    ['recipientName', '王鑫'],
    ['recipientName', '王'.repeat(14)],
    ['address', '9号楼'],
  ] as const)('should accept %s "%s" at the edge of its rule', (field, value) => {
    expect(validateWarehouseProfile({ ...VALID, [field]: value })).toEqual({});
  });

  it('should report every broken field at once', () => {
    const problems = validateWarehouseProfile({
      recipientName: '',
      mobilePhone: '',
      regionCode: '',
      zipCode: '',
      address: '',
    });

    expect(Object.keys(problems).sort()).toEqual(
      ['address', 'mobilePhone', 'recipientName', 'regionCode', 'zipCode'].sort(),
    );
  });

  it('should not count surrounding spaces, and trim them before saving', () => {
    const padded = { ...VALID, zipCode: ' 021400 ', mobilePhone: '11147043234 ' };

    expect(validateWarehouseProfile(padded)).toEqual({});
    expect(trimProfile(padded)).toEqual(VALID);
  });
});
