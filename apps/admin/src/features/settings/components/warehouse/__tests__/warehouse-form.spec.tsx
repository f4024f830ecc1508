import type { WarehouseProfileDto } from '@autobuy/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockApi } from '../../../../../test/fetch-mock';
import { renderWithProviders } from '../../../../../test/render';
import { WarehouseForm } from '../warehouse-form';

const VALID: WarehouseProfileDto = {
  recipientName: '王鑫磊奇跡',
  mobilePhone: '11147043234',
  regionCode: '150784',
  zipCode: '021400',
  address: '尚都国际小区东区9号楼23号车库',
};

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

describe('WarehouseForm', () => {
  it('should show each broken rule under its field and send nothing', async () => {
    const { requests } = mockApi({});
    renderWithProviders(<WarehouseForm provider="taobao" initial={VALID} canEdit />);

    type('warehouse-recipientName', '王');
    type('warehouse-zipCode', '0214');
    type('warehouse-address', 'garage 23');
    fireEvent.click(screen.getByTestId('warehouse-save'));

    expect(
      await screen.findByText('The recipient name must be 2 to 14 characters long.'),
    ).toBeTruthy();
    expect(screen.getByText('The ZIP code must be exactly 6 digits.')).toBeTruthy();
    expect(screen.getByText('Write the address in Chinese characters.')).toBeTruthy();
    expect(screen.queryByText('The region code must be 6 digits.')).toBeNull();
    expect(requests).toHaveLength(0);
  });

  it('should show the messages in Russian when the interface is Russian', async () => {
    mockApi({});
    renderWithProviders(<WarehouseForm provider="taobao" initial={null} canEdit />, {
      language: 'ru',
    });

    fireEvent.click(screen.getByTestId('warehouse-save'));

    expect(await screen.findByText('Введите адрес.')).toBeTruthy();
    expect(screen.getByText('Почтовый индекс должен состоять ровно из 6 цифр.')).toBeTruthy();
  });

  it('should show the server messages under their fields when the server refuses', async () => {
    mockApi({
      'PUT /api/v1/providers/taobao/warehouse-profile': {
        status: 400,
        body: {
          code: 'validation_failed',
          message: 'The warehouse profile is invalid.',
          details: { regionCode: ['regionCode 999999 is not a known region'] },
        },
      },
    });
    renderWithProviders(<WarehouseForm provider="taobao" initial={VALID} canEdit />);

    type('warehouse-regionCode', '999999');
    fireEvent.click(screen.getByTestId('warehouse-save'));

    expect(await screen.findByText('regionCode 999999 is not a known region')).toBeTruthy();
    expect((screen.getByTestId('warehouse-regionCode') as HTMLInputElement).value).toBe('999999');
  });

  it('should send the trimmed profile to the provider it belongs to', async () => {
    const { requests } = mockApi({
      'PUT /api/v1/providers/sandbox/warehouse-profile': ({ body }) => ({ status: 200, body }),
    });
    renderWithProviders(<WarehouseForm provider="sandbox" initial={null} canEdit />);

    type('warehouse-recipientName', ` ${VALID.recipientName} `);
    type('warehouse-mobilePhone', VALID.mobilePhone);
    type('warehouse-regionCode', VALID.regionCode);
    type('warehouse-zipCode', VALID.zipCode);
    type('warehouse-address', VALID.address);
    fireEvent.click(screen.getByTestId('warehouse-save'));

    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({ method: 'PUT', body: VALID });
  });

  it('should offer no save button to someone who may only read', () => {
    mockApi({});
    renderWithProviders(<WarehouseForm provider="taobao" initial={VALID} canEdit={false} />);

    expect(screen.queryByTestId('warehouse-save')).toBeNull();
  });
});
