import type { Account, Address } from './types';

// The fixed demo data every seed contains; other projects' demos and tests rely on these ids.
export const PID_COLOUR = '1627207';
export const PID_SIZE = '20509';

export interface FixtureItem {
  itemId: string;
  sellerId: string;
  title: string;
  props: Array<{ pid: string; name: string; values: Array<[string, string]> }>;
  price: number;
  stock: number;
}

export const FIXTURE_SELLERS = [
  { sellerId: '2200000001', shopName: '简约男装工作室', isTmall: false },
  { sellerId: '2200000002', shopName: '居家好物小铺', isTmall: false },
  { sellerId: '2200000003', shopName: '小米官方旗舰店', isTmall: true },
];

const colour = (values: Array<[string, string]>) => ({ pid: PID_COLOUR, name: '颜色分类', values });
const size = (values: Array<[string, string]>) => ({ pid: PID_SIZE, name: '尺码', values });
const blackWhite: Array<[string, string]> = [
  ['28341', '黑色'],
  ['28320', '白色'],
];

export const FIXTURE_ITEMS: FixtureItem[] = [
  {
    itemId: '600000000001',
    sellerId: '2200000001',
    title: '男士纯棉圆领短袖T恤 夏季宽松',
    props: [
      colour(blackWhite),
      size([
        ['28315', 'M'],
        ['28316', 'L'],
        ['28317', 'XL'],
      ]),
    ],
    price: 5900,
    stock: 100,
  },
  {
    itemId: '600000000002',
    sellerId: '2200000001',
    title: '男士直筒休闲牛仔裤 弹力修身',
    props: [
      colour([
        ['28340', '深蓝'],
        ['28338', '浅蓝'],
      ]),
      size([
        ['3267943', '30'],
        ['3267945', '32'],
        ['3267947', '34'],
      ]),
    ],
    price: 12900,
    stock: 50,
  },
  {
    itemId: '600000000003',
    sellerId: '2200000002',
    title: '不锈钢保温杯 500ml 大容量',
    props: [
      colour([
        ['28332', '银色'],
        ['28333', '粉色'],
      ]),
    ],
    price: 3990,
    stock: 200,
  },
  {
    itemId: '600000000004',
    sellerId: '2200000002',
    title: '桌面手机支架 懒人可调节',
    props: [colour(blackWhite)],
    price: 1990,
    stock: 300,
  },
  {
    itemId: '600000000005',
    sellerId: '2200000003',
    title: '小米充电宝 10000mAh 快充版',
    props: [colour(blackWhite)],
    price: 9900,
    stock: 80,
  },
];

export const DEMO_PASSWORD = 'sandbox123';

// The warehouse profile example from the product brief, so a manual demo checkout just works.
export const DEMO_ADDRESS: Address = {
  fullName: '王鑫磊奇跡',
  mobile: '11147043234',
  divisionCode: '150784',
  post: '021400',
  addressDetail: '尚都国际小区东区9号楼23号车库',
};

export function fixtureAccounts(): Account[] {
  const make = (
    index: number,
    login: string,
    challenge: Account['challenge'],
    apiKey: string | null = null,
  ): Account => ({
    login,
    password: DEMO_PASSWORD,
    userId: String(3300000000 + index),
    mobile: `1380000000${index}`,
    challenge,
    dealLimit: 20,
    apiKey,
    defaultAddress: { ...DEMO_ADDRESS },
  });

  return [
    make(1, 'sandbox_buyer', 'none'),
    make(2, 'sms_buyer', 'sms'),
    make(3, 'qr_buyer', 'qr'),
    make(4, 'slider_buyer', 'slider'),
    make(5, 'kitmall_buyer', 'none', 'kitmall-demo-key'),
  ];
}
