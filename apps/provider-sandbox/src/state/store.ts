import { randomBytes } from 'node:crypto';

import { generateCatalogue, type Catalogue } from './catalogue';
import { fixtureAccounts } from './demo-fixture';
import { SeededRandom } from './random';
import { SandboxClock } from './time';
import type {
  Account,
  CartLine,
  ConfirmSnapshot,
  Fault,
  Order,
  PendingVerification,
  QrCode,
  RequestLogEntry,
  SandboxConfig,
  Session,
  SmsMessage,
} from './types';

export function defaultConfig(): SandboxConfig {
  return {
    latencyMs: 0,
    latencyRules: [],
    errorRate: 0,
    timeoutRate: 0,
    sliderRate: 0,
    smsRate: 0,
    punishRate: 0,
    sessionIdleMs: 60 * 60_000,
    sessionAbsoluteMs: 72 * 3600_000,
    autoCloseMs: 72 * 3600_000,
    qrExpiryMs: 120_000,
    hangMs: null,
  };
}

export interface RiskArm {
  login: string | null;
  times: number;
}

// Everything the simulator knows. Rebuilt from scratch by reset(seed).
export class SandboxState {
  seed = 1;
  clock = new SandboxClock();
  config = defaultConfig();
  random = new SeededRandom(1);
  catalogue: Catalogue = generateCatalogue(1);
  accounts = new Map<string, Account>();
  sessions = new Map<string, Session>();
  cart: CartLine[] = [];
  orders = new Map<string, Order>();
  confirms = new Map<string, ConfirmSnapshot>();
  qrCodes = new Map<string, QrCode>();
  verifications = new Map<string, PendingVerification>();
  ncTokens = new Map<string, { verified: boolean; token: string | null }>();
  smsOutbox: SmsMessage[] = [];
  faults: Fault[] = [];
  riskArms: RiskArm[] = [];
  requests: RequestLogEntry[] = [];
  private counters = { order: 0, cart: 0, request: 0, user: 100 };

  constructor(seed = 1) {
    this.reset(seed);
  }

  reset(seed: number): void {
    this.seed = seed;
    this.clock = new SandboxClock();
    this.config = defaultConfig();
    this.random = new SeededRandom(seed * 31 + 7);
    this.catalogue = generateCatalogue(seed);
    this.accounts = new Map(fixtureAccounts().map((account) => [account.login, account]));
    this.sessions.clear();
    this.cart = [];
    this.orders.clear();
    this.confirms.clear();
    this.qrCodes.clear();
    this.verifications.clear();
    this.ncTokens.clear();
    this.smsOutbox = [];
    this.faults = [];
    this.riskArms = [];
    this.requests = [];
    this.counters = { order: 0, cart: 0, request: 0, user: 100 };
  }

  now(): number {
    return this.clock.now();
  }

  // Order numbers look like the provider's (19 digits) and depend only on the seed and the
  // order of creation.
  nextOrderId(): string {
    this.counters.order += 1;
    const seedPart = String(this.seed % 1000).padStart(3, '0');

    return `4${seedPart}${String(100_000_000 + this.counters.order).padStart(15, '0')}`;
  }

  nextCartId(): string {
    this.counters.cart += 1;

    return `c${this.counters.cart}`;
  }

  nextRequestSeq(): number {
    this.counters.request += 1;

    return this.counters.request;
  }

  nextUserId(): string {
    this.counters.user += 1;

    return String(3300000000 + this.counters.user);
  }

  // Session ids and one-time tokens are not part of the seeded determinism: they stand for
  // secrets and must not be guessable.
  token(prefix: string): string {
    return `${prefix}${randomBytes(12).toString('hex')}`;
  }

  accountByApiKey(apiKey: string): Account | undefined {
    return [...this.accounts.values()].find((account) => account.apiKey === apiKey);
  }
}
