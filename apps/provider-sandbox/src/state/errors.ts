// One error type for every refusal the simulated provider gives; routes render it as a page or
// JSON with the provider's code and Chinese text.
export class ProviderError extends Error {
  constructor(
    readonly code: string,
    readonly text: string,
    readonly details: Record<string, unknown> | null = null,
    readonly httpStatus = 200,
  ) {
    super(`${code}: ${text}`);
  }
}

export const TEXTS = {
  systemError: '系统繁忙，请稍后再试',
  sessionExpired: 'Session过期',
  loginFailed: '账号名或登录密码不正确',
  pageExpired: '当前访问页面失效，可能是停留时间过长，请刷新页面',
  itemNotFound: '很抱歉，您查看的宝贝不存在，可能已下架或者被转移。',
  skuNotFound: '该宝贝规格不存在，请重新选择',
  stockNotEnough: '宝贝库存不足',
  overLimit: '购买数量超过了限购数',
  quantityInvalid: '购买数量不正确',
  alreadyOrdered: '您已经从购物车购买过此商品,请勿重复下单',
  promotionChanged: '优惠信息变更，请返回购物车重新确认',
  itemInvalid: '有失效宝贝，请返回购物车修改',
  busy: '亲，小二正忙，滑动一下马上回来 被挤爆啦',
  dealLimit: '您当前未付款订单数已达上限，请先付款或取消未付款订单后再下单',
  addressInvalid: '收货地址填写有误',
  cartEmpty: '请选择要结算的宝贝',
  orderNotFound: '订单不存在',
  orderStatusInvalid: '订单状态已改变，不能进行此操作',
  cancelReasonInvalid: '请选择取消订单的理由',
  autoClosed: '超时未付款，交易自动关闭',
} as const;

export const CANCEL_REASONS = [
  '我不想买了',
  '信息填写错误，重新拍',
  '卖家缺货',
  '同城见面交易',
  '其他原因',
] as const;
