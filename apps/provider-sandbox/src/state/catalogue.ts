import { FIXTURE_ITEMS, FIXTURE_SELLERS, PID_COLOUR, PID_SIZE } from './demo-fixture';
import { SeededRandom } from './random';
import type { Item, Seller, Sku, SkuProp } from './types';

export interface Catalogue {
  sellers: Map<string, Seller>;
  items: Map<string, Item>;
}

const GENERATED_SELLERS = 24;
const FIRST_GENERATED_SELLER = 2200000101;
const FIRST_GENERATED_ITEM = 610000000001;

const SHOP_PREFIXES = [
  '优品',
  '初见',
  '木子',
  '橙心',
  '星辰',
  '暖阳',
  '拾光',
  '云朵',
  '森系',
  '极简',
];
const SHOP_SUFFIXES = ['小铺', '工作室', '精品店', '专营店', '杂货铺'];
const CATEGORIES = [
  {
    word: '服饰',
    nouns: ['连衣裙', '卫衣', '衬衫', '针织开衫', '运动短裤', '羽绒背心'],
    sized: true,
  },
  { word: '家居', nouns: ['收纳盒', '抱枕', '毛巾', '香薰蜡烛', '陶瓷碗', '地垫'], sized: false },
  {
    word: '数码',
    nouns: ['数据线', '蓝牙耳机', '鼠标垫', '手机壳', '充电头', '读卡器'],
    sized: false,
  },
  {
    word: '运动',
    nouns: ['瑜伽垫', '跳绳', '运动水壶', '护膝', '速干T恤', '健身手套'],
    sized: true,
  },
  { word: '文具', nouns: ['中性笔', '笔记本', '文件夹', '便利贴', '笔袋', '台历'], sized: false },
];
const ADJECTIVES = ['新款', '简约', '加厚', '便携', '网红', 'ins风', '大容量', '日系', '高颜值'];
const COLOURS: Array<[string, string]> = [
  ['28341', '黑色'],
  ['28320', '白色'],
  ['28340', '深蓝'],
  ['28326', '红色'],
  ['28334', '灰色'],
  ['28335', '绿色'],
  ['28333', '粉色'],
  ['28324', '黄色'],
];
const SIZES: Array<[string, string]> = [
  ['28314', 'S'],
  ['28315', 'M'],
  ['28316', 'L'],
  ['28317', 'XL'],
  ['28318', 'XXL'],
];

// SKU ids are the item id plus a two-digit index, in the order of the cartesian product of
// the props as listed (first prop slowest), which is "colour-major" for colour-then-size items.
export function buildSkus(
  itemId: string,
  props: SkuProp[],
  priceFen: number,
  stock: number,
): Sku[] {
  let paths: string[][] = [[]];
  for (const prop of props) {
    paths = paths.flatMap((path) =>
      prop.values.map((value) => [...path, `${prop.pid}:${value.vid}`]),
    );
  }

  return paths.map((path, index) => ({
    skuId: `${itemId}${String(index + 1).padStart(2, '0')}`,
    propPath: path.join(';'),
    priceFen,
    stock,
  }));
}

function toProps(raw: Array<{ pid: string; name: string; values: Array<[string, string]> }>) {
  return raw.map((prop) => ({
    pid: prop.pid,
    name: prop.name,
    values: prop.values.map(([vid, name]) => ({ vid, name })),
  }));
}

function addFixture(catalogue: Catalogue): void {
  for (const seller of FIXTURE_SELLERS) {
    catalogue.sellers.set(seller.sellerId, { ...seller });
  }
  for (const fixture of FIXTURE_ITEMS) {
    const props = toProps(fixture.props);
    catalogue.items.set(fixture.itemId, {
      itemId: fixture.itemId,
      sellerId: fixture.sellerId,
      title: fixture.title,
      props,
      skus: buildSkus(fixture.itemId, props, fixture.price, fixture.stock),
      buyEnable: true,
      reason: null,
      limit: null,
    });
  }
}

function generatedItem(
  random: SeededRandom,
  itemId: string,
  sellerId: string,
  categoryIndex: number,
) {
  const category = CATEGORIES[categoryIndex % CATEGORIES.length]!;
  const adjective = random.pick(ADJECTIVES);
  const noun = random.pick(category.nouns);
  const title = `${adjective}${noun} ${random.pick(ADJECTIVES)}款`;
  const rawProps = [
    { pid: PID_COLOUR, name: '颜色分类', values: random.pickSome(COLOURS, random.int(1, 3)) },
  ];
  if (category.sized && random.chance(0.7)) {
    rawProps.push({
      pid: PID_SIZE,
      name: '尺码',
      values: random.pickSome(SIZES, random.int(2, 4)),
    });
  }
  const props = toProps(rawProps);
  const priceFen = random.int(99, 39900) * 10 - 10 * random.int(0, 1);
  const skus = buildSkus(itemId, props, priceFen, random.int(20, 300));
  // A few SKUs are sold out, as on any real shop.
  for (const sku of skus) {
    if (random.chance(0.08)) sku.stock = 0;
  }
  const delisted = random.chance(0.08);

  const item: Item = {
    itemId,
    sellerId,
    title,
    props,
    skus,
    buyEnable: !delisted,
    reason: delisted ? '此商品已下架' : null,
    limit: random.chance(0.1) ? 2 : null,
  };

  return item;
}

export function generateCatalogue(seed: number): Catalogue {
  const random = new SeededRandom(seed * 7919 + 17);
  const catalogue: Catalogue = { sellers: new Map(), items: new Map() };
  addFixture(catalogue);

  let nextItemId = FIRST_GENERATED_ITEM;
  for (let index = 0; index < GENERATED_SELLERS; index += 1) {
    const sellerId = String(FIRST_GENERATED_SELLER + index);
    const isTmall = random.chance(0.25);
    const categoryIndex = random.int(0, CATEGORIES.length - 1);
    const category = CATEGORIES[categoryIndex]!;
    const shopName = isTmall
      ? `${random.pick(SHOP_PREFIXES)}${category.word}官方旗舰店`
      : `${random.pick(SHOP_PREFIXES)}${category.word}${random.pick(SHOP_SUFFIXES)}`;
    catalogue.sellers.set(sellerId, { sellerId, shopName, isTmall });

    const itemCount = random.int(3, 6);
    for (let n = 0; n < itemCount; n += 1) {
      const itemId = String(nextItemId);
      nextItemId += 1;
      catalogue.items.set(itemId, generatedItem(random, itemId, sellerId, categoryIndex));
    }
  }

  return catalogue;
}

/** A shop added through the control API: plain items with one colour property each. */
export interface SellerInput {
  shopName: string;
  isTmall: boolean;
  items: Array<{ title: string; priceFen: number; stock: number; colours: number }>;
}

export const MAX_ADDED_COLOURS = COLOURS.length;

/**
 * Adds a seller and its items under the next free ids (after every seeded one), so tests and
 * benchmarks can have as many shops as they need; a reset drops them again.
 */
export function addSeller(
  catalogue: Catalogue,
  input: SellerInput,
): { seller: Seller; items: Item[] } {
  const nextId = (ids: Iterable<string>) =>
    String(Math.max(...[...ids].map((id) => Number(id))) + 1);
  const seller: Seller = {
    sellerId: nextId(catalogue.sellers.keys()),
    shopName: input.shopName,
    isTmall: input.isTmall,
  };
  catalogue.sellers.set(seller.sellerId, seller);
  const items = input.items.map((one) => {
    const itemId = nextId(catalogue.items.keys());
    const props = toProps([
      { pid: PID_COLOUR, name: '颜色分类', values: COLOURS.slice(0, one.colours) },
    ]);
    const item: Item = {
      itemId,
      sellerId: seller.sellerId,
      title: one.title,
      props,
      skus: buildSkus(itemId, props, one.priceFen, one.stock),
      buyEnable: true,
      reason: null,
      limit: null,
    };
    catalogue.items.set(itemId, item);

    return item;
  });

  return { seller, items };
}

export function skuText(item: Item, sku: Sku): string {
  return sku.propPath
    .split(';')
    .map((pair) => {
      const [pid, vid] = pair.split(':');
      const prop = item.props.find((candidate) => candidate.pid === pid);
      const value = prop?.values.find((candidate) => candidate.vid === vid);

      return `${prop?.name ?? pid}:${value?.name ?? vid}`;
    })
    .join('; ');
}
