import type { ImportOrderItemRequest, ImportOrderRequest } from '@autobuy/contracts';

interface DemoItem {
  itemId: string;
  skuIndex: number;
  configuration: string;
  quantity: number;
}

/** The Sandbox's fixed catalogue (its demo fixture): these ids always exist there. */
const CATALOGUE: Record<
  string,
  { title: string; price: string; sellerId: string; sellerName: string; tmall: boolean }
> = {
  '600000000001': {
    title: '男士纯棉圆领短袖T恤 夏季宽松',
    price: '59.00',
    sellerId: '2200000001',
    sellerName: '简约男装工作室',
    tmall: false,
  },
  '600000000002': {
    title: '男士直筒休闲牛仔裤 弹力修身',
    price: '129.00',
    sellerId: '2200000001',
    sellerName: '简约男装工作室',
    tmall: false,
  },
  '600000000003': {
    title: '不锈钢保温杯 500ml 大容量',
    price: '39.90',
    sellerId: '2200000002',
    sellerName: '居家好物小铺',
    tmall: false,
  },
  '600000000004': {
    title: '桌面手机支架 懒人可调节',
    price: '19.90',
    sellerId: '2200000002',
    sellerName: '居家好物小铺',
    tmall: false,
  },
  '600000000005': {
    title: '小米充电宝 10000mAh 快充版',
    price: '99.00',
    sellerId: '2200000003',
    sellerName: '小米官方旗舰店',
    tmall: true,
  },
};

function demoItem(sandboxUrl: string, line: number, item: DemoItem): ImportOrderItemRequest {
  const product = CATALOGUE[item.itemId];
  const page = product.tmall ? 'detail.tmall/item.htm' : 'item.htm';

  return {
    externalId: `line-${line}`,
    provider: 'sandbox',
    providerItemId: item.itemId,
    // SKU ids are the item id and a two-digit index in colour-major order of the props.
    skuId: `${item.itemId}${String(item.skuIndex).padStart(2, '0')}`,
    configuration: item.configuration,
    title: product.title,
    quantity: item.quantity,
    unitPrice: product.price,
    currency: 'CNY',
    sellerId: product.sellerId,
    sellerName: product.sellerName,
    isTmall: product.tmall,
    pictureUrl: `${sandboxUrl}/img/item/${item.itemId}.svg`,
    itemUrl: `${sandboxUrl}/${page}?id=${item.itemId}`,
  };
}

/** A few realistic shop orders, oldest first, built on the Sandbox's fixed items. */
export function demoOrders(sandboxUrl: string): ImportOrderRequest[] {
  const order = (
    externalId: string,
    customerName: string,
    comment: string | undefined,
    items: DemoItem[],
  ): ImportOrderRequest => ({
    externalId,
    customerName,
    comment,
    items: items.map((item, index) => demoItem(sandboxUrl, index + 1, item)),
  });

  return [
    order('DEMO-1001', 'Иванова Мария Сергеевна', 'Подарок, упакуйте аккуратно', [
      { itemId: '600000000001', skuIndex: 3, configuration: '颜色分类:黑色; 尺码:XL', quantity: 2 },
      { itemId: '600000000002', skuIndex: 2, configuration: '颜色分类:深蓝; 尺码:32', quantity: 1 },
      { itemId: '600000000003', skuIndex: 1, configuration: '颜色分类:银色', quantity: 1 },
    ]),
    order('DEMO-1002', 'Петров Алексей', undefined, [
      { itemId: '600000000004', skuIndex: 2, configuration: '颜色分类:白色', quantity: 2 },
      { itemId: '600000000005', skuIndex: 1, configuration: '颜色分类:黑色', quantity: 1 },
    ]),
    order('DEMO-1003', 'Смирнова Ольга Викторовна', undefined, [
      { itemId: '600000000001', skuIndex: 4, configuration: '颜色分类:白色; 尺码:M', quantity: 3 },
      { itemId: '600000000003', skuIndex: 2, configuration: '颜色分类:粉色', quantity: 1 },
      { itemId: '600000000004', skuIndex: 1, configuration: '颜色分类:黑色', quantity: 1 },
    ]),
  ];
}

export const DEMO_ACCOUNT_LOGIN = 'sandbox_buyer';

export const DEMO_WAREHOUSE = {
  recipientName: '王鑫磊奇跡',
  mobilePhone: '11147043234',
  regionCode: '150784',
  zipCode: '021400',
  address: '尚都国际小区东区9号楼23号车库',
};
