// The Sandbox's in-memory model. Money is in fen (integer cents) everywhere inside; the HTTP
// layer formats it as "59.00".

export type ChallengeMode = 'none' | 'sms' | 'qr' | 'slider';

export interface Address {
  fullName: string;
  mobile: string;
  divisionCode: string;
  post: string;
  addressDetail: string;
}

export interface Account {
  login: string;
  password: string;
  userId: string;
  mobile: string;
  challenge: ChallengeMode;
  dealLimit: number;
  apiKey: string | null;
  defaultAddress: Address | null;
}

export interface Seller {
  sellerId: string;
  shopName: string;
  isTmall: boolean;
}

export interface SkuPropValue {
  vid: string;
  name: string;
}

export interface SkuProp {
  pid: string;
  name: string;
  values: SkuPropValue[];
}

export interface Sku {
  skuId: string;
  propPath: string;
  priceFen: number;
  stock: number;
}

export interface Item {
  itemId: string;
  sellerId: string;
  title: string;
  props: SkuProp[];
  skus: Sku[];
  buyEnable: boolean;
  reason: string | null;
  limit: number | null;
}

export interface Session {
  id: string;
  login: string | null;
  csrfToken: string;
  loginAtMs: number;
  lastSeenMs: number;
}

export interface CartLine {
  cartId: string;
  login: string;
  itemId: string;
  skuId: string;
  quantity: number;
}

export const ORDER_STATUSES = [
  'WAIT_BUYER_PAY',
  'WAIT_SELLER_SEND_GOODS',
  'SELLER_CONSIGNED_PART',
  'WAIT_BUYER_CONFIRM_GOODS',
  'TRADE_FINISHED',
  'TRADE_CLOSED',
  'TRADE_CLOSED_BY_TAOBAO',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface SubOrder {
  id: string;
  itemId: string;
  skuId: string;
  title: string;
  skuText: string;
  quantity: number;
  priceFen: number;
  shipped: boolean;
}

export type OrderChannel = 'buyer' | 'kitmall';

export interface Order {
  bizOrderId: string;
  login: string;
  sellerId: string;
  channel: OrderChannel;
  outerId: string | null;
  status: OrderStatus;
  createdAtMs: number;
  modifiedAtMs: number;
  payTimeMs: number | null;
  consignTimeMs: number | null;
  address: Address | null;
  subOrders: SubOrder[];
  expressId: string | null;
  companyName: string | null;
  closeReason: string | null;
}

export interface OrderLine {
  cartId: string | null;
  itemId: string;
  skuId: string;
  quantity: number;
}

export interface ConfirmSnapshot {
  token: string;
  login: string;
  lines: Array<OrderLine & { priceFen: number }>;
  createdAtMs: number;
  orderIds: string[] | null;
}

export type FaultMode = 'fail' | 'hang' | 'error';

export interface Fault {
  step: string;
  mode: FaultMode;
  code: string | null;
  times: number;
  login: string | null;
}

export interface LatencyRule {
  pathPrefix: string;
  ms: number;
}

export interface SandboxConfig {
  latencyMs: number;
  latencyRules: LatencyRule[];
  errorRate: number;
  timeoutRate: number;
  sliderRate: number;
  smsRate: number;
  punishRate: number;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  autoCloseMs: number;
  qrExpiryMs: number;
  hangMs: number | null;
}

export type QrStatus = 'NEW' | 'SCANED' | 'CONFIRMED' | 'EXPIRED' | 'CANCELED';

export interface QrCode {
  t: string;
  boundLogin: string | null;
  scannedBy: string | null;
  status: QrStatus;
  // The first poll that sees CONFIRMED logs its browser in; later polls only report it.
  consumed: boolean;
  createdAtMs: number;
  redirectURL: string;
}

export interface PendingVerification {
  token: string;
  login: string;
  redirectURL: string;
  code: string | null;
  sentAtMs: number | null;
}

export interface SmsMessage {
  login: string;
  code: string;
  sentAtMs: number;
}

export type RequestArea = 'buyer' | 'kitmall' | 'static';

export interface RequestLogEntry {
  seq: number;
  method: string;
  path: string;
  area: RequestArea;
  status: number;
  startMs: number;
  durationMs: number | null;
  account: string | null;
  injectedLatencyMs: number;
}
