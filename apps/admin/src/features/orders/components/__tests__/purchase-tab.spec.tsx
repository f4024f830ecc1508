import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { mockApi } from '../../../../test/fetch-mock';
import { orderItem } from '../../../../test/order-fixtures';
import { renderWithProviders } from '../../../../test/render';
import { PurchaseTab } from '../purchase-tab';

const items = [
  orderItem({ id: 'free', title: '纯棉短袖T恤', state: 'available' }),
  orderItem({
    id: 'tmall',
    title: '天猫旗舰店 运动鞋',
    isTmall: true,
    state: 'refused',
    stateReason: 'Tmall items cannot be purchased automatically.',
  }),
  orderItem({
    id: 'bought',
    title: '连衣裙 夏季',
    configuration: '颜色分类:红色; 尺码:M',
    state: 'reserved',
    providerOrderNumber: '3245987612340001',
    accountLogin: 'buyer_tb01',
  }),
];

describe('PurchaseTab', () => {
  // The session panel and account choice load their lists; these tests look at the items only.
  beforeEach(() => {
    mockApi({
      'GET /api/v1/sessions': { status: 200, body: [] },
      'GET /api/v1/providers': { status: 200, body: [] },
      'GET /api/v1/accounts': { status: 200, body: [] },
    });
  });

  it('should list purchased items in their own section with their provider order', () => {
    renderWithProviders(<PurchaseTab orderId="order-1" items={items} />);

    const purchased = screen.getByTestId('purchased-section');
    const rows = within(purchased).getAllByTestId('item-row');
    expect(rows.map((row) => row.getAttribute('data-item-id'))).toEqual(['bought']);
    expect(within(purchased).getByText('3245987612340001')).toBeTruthy();
    expect(within(purchased).getByText('颜色分类:红色; 尺码:M')).toBeTruthy();

    const toPurchase = screen.getByTestId('to-purchase-section');
    const open = within(toPurchase).getAllByTestId('item-row');
    expect(open.map((row) => row.getAttribute('data-item-id'))).toEqual(['free', 'tmall']);
  });

  it('should mark a Tmall item as impossible to buy automatically, and only that one', () => {
    renderWithProviders(<PurchaseTab orderId="order-1" items={items} />);

    const marks = screen.getAllByTestId('tmall-mark');
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe('Tmall: cannot be purchased automatically');
    expect(marks[0].closest('[data-testid="item-row"]')?.getAttribute('data-item-id')).toBe(
      'tmall',
    );
    expect(screen.getByText('Tmall items cannot be purchased automatically.')).toBeTruthy();
  });

  it('should show the Chinese title, seller and price as they are', () => {
    renderWithProviders(<PurchaseTab orderId="order-1" items={[items[0]]} />, { language: 'ru' });

    expect(screen.getByText('纯棉短袖T恤')).toBeTruthy();
    expect(screen.getByText('优衣工厂店')).toBeTruthy();
    expect(screen.getByText('59.00 CNY')).toBeTruthy();
    expect(screen.getByText('Закупленные (0)')).toBeTruthy();
    expect(screen.getByText('Закупленных товаров пока нет.')).toBeTruthy();
  });
});
