import { buildSkus, generateCatalogue, skuText } from '../catalogue';

describe('buildSkus', () => {
  it('should number SKUs in the order of the props as listed, first prop slowest', () => {
    const props = [
      {
        pid: '1',
        name: '颜色分类',
        values: [
          { vid: 'a', name: '黑色' },
          { vid: 'b', name: '白色' },
        ],
      },
      {
        pid: '2',
        name: '尺码',
        values: [
          { vid: 'm', name: 'M' },
          { vid: 'l', name: 'L' },
        ],
      },
    ];

    expect(buildSkus('6000', props, 100, 5).map((sku) => [sku.skuId, sku.propPath])).toEqual([
      ['600001', '1:a;2:m'],
      ['600002', '1:a;2:l'],
      ['600003', '1:b;2:m'],
      ['600004', '1:b;2:l'],
    ]);
  });
});

describe('generateCatalogue', () => {
  it('should give every generated item at least one SKU and a shop of its own seller list', () => {
    const catalogue = generateCatalogue(5);

    for (const item of catalogue.items.values()) {
      expect(item.skus.length).toBeGreaterThan(0);
      expect(catalogue.sellers.has(item.sellerId)).toBe(true);
    }
  });

  it('should render the configuration text as the shop shows it', () => {
    const item = generateCatalogue(1).items.get('600000000001')!;

    expect(skuText(item, item.skus[2]!)).toBe('颜色分类:黑色; 尺码:XL');
  });
});
