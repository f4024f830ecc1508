import type { OrderItemDto } from './orders';
import type { ProviderCode } from './providers';

// ---- Provider sessions -------------------------------------------------------------------------

export const PROVIDER_SESSION_STATES = ['active', 'expired', 'revoked'] as const;
export type ProviderSessionState = (typeof PROVIDER_SESSION_STATES)[number];

export interface ProviderSessionDto {
  id: string;
  provider: ProviderCode;
  accountId: string;
  accountLogin: string;
  nickname: string;
  state: ProviderSessionState;
  /** Why it expired or was refused, in words an operator understands. */
  stateReason: string | null;
  lastCheckedAt: string | null;
  lastSyncAt: string | null;
  createdAt: string;
}

/** `POST /sessions`: browser providers start a login activity; API providers need `accountId`. */
export interface StartSessionRequest {
  provider: ProviderCode;
  accountId?: string;
}

export interface ListSessionsQuery {
  provider?: ProviderCode;
  accountId?: string;
}

/** The answer of every call that starts an activity (202). */
export interface StartedActivityDto {
  activityId: string;
}

/** Error codes of the sessions module. */
export const SESSION_ERROR_CODES = [
  'no_active_session',
  'session_expired',
  'session_not_found',
  'account_not_found',
  'account_required',
  'provider_disabled',
  'api_key_invalid',
  'login_not_on_account_list',
  'login_not_attachable',
] as const;
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number];

// ---- Purchase operations -----------------------------------------------------------------------

export interface CreateReservationRequest {
  orderId: string;
  itemIds: string[];
  sessionId: string;
}

export interface CreateUnbindingRequest {
  orderId: string;
  itemIds: string[];
  accountId: string;
}

export interface CreateBindingRequest {
  orderId: string;
  accountId: string;
  providerOrderNumber: string;
}

/** Counters the workflow activities keep, read by the progress modal. */
export const WORKFLOW_COUNTERS = [
  'orderLinesFound',
  'providerOrdersFound',
  'providerOrdersCreated',
  'itemsDone',
  'itemsFailed',
] as const;
export type WorkflowCounter = (typeof WORKFLOW_COUNTERS)[number];

/** The state of one order item inside a workflow activity (`itemStates[itemId].state`). */
export const WORKFLOW_ITEM_STATES = [
  'pending',
  'reserved',
  'skipped',
  'cancelled',
  'failed',
  'bound',
  'unbound',
  'refused',
] as const;
export type WorkflowItemState = (typeof WORKFLOW_ITEM_STATES)[number];

/** Option ids of the workflow questions. */
export const WORKFLOW_CHOICES = {
  cancelItem: 'cancel_item',
  skipItem: 'skip_item',
  abort: 'abort',
  acceptPrice: 'accept_price',
  /** Followed by `:<sessionId>` in the answer. */
  switchSession: 'switch_session',
  stop: 'stop',
  cancelAll: 'cancel_all',
  keepOrder: 'keep_order',
  resubmit: 'resubmit',
  markFailed: 'mark_failed',
} as const;
export type WorkflowChoice = (typeof WORKFLOW_CHOICES)[keyof typeof WORKFLOW_CHOICES];

/** Context of an outdated-configuration, price-change or missing-stock question. */
export interface ItemOutdatedQuestionContext {
  itemId: string;
  title: string;
  oldPrice: string | null;
  newPrice: string | null;
  oldConfiguration: string | null;
  newConfiguration: string | null;
  stock: number | null;
}

/** Context of a deal-limit question: the other active sessions of the same provider. */
export interface DealLimitQuestionContext {
  sessions: { id: string; nickname: string }[];
}

// ---- Webhooks ----------------------------------------------------------------------------------

export interface WebhookDto {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  createdAt: string;
  /** Only in the answer that created the webhook; never shown again. */
  secret?: string;
}

export interface CreateWebhookRequest {
  url: string;
  events: string[];
  secret?: string;
  enabled?: boolean;
}

export interface UpdateWebhookRequest {
  url?: string;
  events?: string[];
  enabled?: boolean;
}

export interface WebhookDeliveryDto {
  id: string;
  webhookId: string;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** Events a webhook can subscribe to. */
export const WEBHOOK_EVENTS = ['item.state_changed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The answer of `POST /webhooks`: the only one that carries the signing secret. */
export interface CreatedWebhookDto extends WebhookDto {
  secret: string;
}

/** One try of a delivery, as the delivery log keeps it. */
export interface WebhookDeliveryAttemptDto {
  attempt: number;
  at: string;
  responseStatus: number | null;
  error: string | null;
}

/** A delivery with its retry plan and every attempt (`GET /webhooks/:id/deliveries`). */
export interface WebhookDeliveryLogDto extends WebhookDeliveryDto {
  eventId: string;
  nextAttemptAt: string | null;
  attemptLog: WebhookDeliveryAttemptDto[];
}

/** The JSON body POSTed to a webhook's URL; `X-Autobuy-Signature` signs its raw bytes. */
export interface ItemStateChangedEventBody {
  id: string;
  event: 'item.state_changed';
  occurredAt: string;
  data: {
    orderId: string;
    orderExternalId: string | null;
    itemIds: string[];
    from: string | null;
    to: string;
    reason: string | null;
  };
}

// ---- Audit log ---------------------------------------------------------------------------------

/** One write through the API: who (`actorType`, `actorLabel`), what, when and from where. */
export interface AuditEntryDto {
  id: string;
  occurredAt: string;
  actorType: string;
  actorLabel: string | null;
  /** `METHOD /route`, e.g. `POST /api/v1/reservations`. */
  action: string;
  target: string | null;
  /** `ok`, or the error code the write ended with. */
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  /** The fields naming what was touched (order, items, answer, activity started); no secrets. */
  details: Record<string, unknown> | null;
}

// ---- Socket messages of the workflows (on the activities gateway's connection) -----------------

export const WORKFLOW_LIVE_EVENTS = {
  /** client → server, with an ack `LoginAttachAck`. */
  loginAttach: 'login.attach',
  /** client → server: mouse, wheel, key or text input for the popup's page. */
  loginInput: 'login.input',
  /** server → client: the newest screencast frame. */
  loginFrame: 'login.frame',
  /** server → client: challenge, logged in, failed. */
  loginStatus: 'login.status',
  /** server → client: order items changed, to the order's room. */
  orderItems: 'order.items',
  /** server → client: a provider session changed, to every operator. */
  sessionUpdate: 'session.update',
} as const;

export interface LoginAttachRequest {
  activityId: string;
}

export type LoginAttachAck =
  { ok: true; width: number; height: number } | { ok: false; code: string; message: string };

export type LoginInput =
  | {
      type: 'mouse';
      action: 'down' | 'up' | 'move';
      x: number;
      y: number;
      button?: 'left' | 'right';
      clickCount?: number;
    }
  | { type: 'wheel'; x: number; y: number; deltaX: number; deltaY: number }
  | { type: 'key'; action: 'down' | 'up'; key: string; code: string }
  | { type: 'text'; text: string };

export interface LoginInputMessage {
  activityId: string;
  input: LoginInput;
}

export interface LoginFrameMessage {
  activityId: string;
  /** Base64 JPEG. */
  data: string;
  width: number;
  height: number;
}

export interface LoginStatusMessage {
  activityId: string;
  status: 'challenge' | 'logged_in' | 'failed';
  kind?: string;
  nickname?: string;
  reason?: string;
  sessionId?: string;
}

export interface OrderItemsMessage {
  orderId: string;
  items: OrderItemDto[];
}

export interface SessionUpdateMessage {
  session: ProviderSessionDto;
}

/** Typed map of the workflows' server → client messages. */
export interface WorkflowServerMessages {
  [WORKFLOW_LIVE_EVENTS.loginFrame]: LoginFrameMessage;
  [WORKFLOW_LIVE_EVENTS.loginStatus]: LoginStatusMessage;
  [WORKFLOW_LIVE_EVENTS.orderItems]: OrderItemsMessage;
  [WORKFLOW_LIVE_EVENTS.sessionUpdate]: SessionUpdateMessage;
}
