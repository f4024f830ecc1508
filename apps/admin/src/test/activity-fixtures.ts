import type {
  ActivityDetailDto,
  ActivityDto,
  ActivityEventDto,
  ActivityQuestionDto,
  ProviderSessionDto,
} from '@autobuy/contracts';

export function activity(overrides: Partial<ActivityDto> = {}): ActivityDto {
  return {
    id: 'act-1',
    kind: 'reserve',
    state: 'running',
    accountId: 'acc-1',
    orderId: 'ord-1',
    startedBy: 'admin',
    summary: 'Reserve 2 items of order 1001',
    counters: {},
    itemStates: {},
    step: 'find',
    failedStep: null,
    reason: null,
    cancelRequested: false,
    attempt: 1,
    lastSeq: 2,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    startedAt: '2026-12-01T10:00:01.000Z',
    finishedAt: null,
    ...overrides,
  };
}

export function activityDetail(overrides: Partial<ActivityDetailDto> = {}): ActivityDetailDto {
  return { ...activity(), questions: [], openQuestion: null, ...overrides };
}

export function event(overrides: Partial<ActivityEventDto> = {}): ActivityEventDto {
  return {
    activityId: 'act-1',
    seq: 3,
    type: 'log',
    level: 'info',
    message: 'Opened the cart',
    data: null,
    createdAt: '2026-12-01T10:00:05.000Z',
    ...overrides,
  };
}

export function question(overrides: Partial<ActivityQuestionDto> = {}): ActivityQuestionDto {
  return {
    id: 'q-1',
    activityId: 'act-1',
    prompt: 'The configuration of 连衣裙 changed',
    options: [
      { id: 'cancel_item', label: 'Cancel the item' },
      { id: 'skip_item', label: 'Skip the item' },
      { id: 'abort', label: 'Abort' },
    ],
    context: {
      itemId: 'item-1',
      title: '连衣裙',
      oldPrice: '100.00',
      newPrice: '120.00',
      oldConfiguration: '颜色:黑色',
      newConfiguration: '颜色:白色',
      stock: 5,
    },
    defaultChoice: 'abort',
    deadlineAt: null,
    choice: null,
    answeredBy: null,
    answeredAt: null,
    answeredByDefault: false,
    createdAt: '2026-12-01T10:00:06.000Z',
    ...overrides,
  };
}

export function session(overrides: Partial<ProviderSessionDto> = {}): ProviderSessionDto {
  return {
    id: 'ses-1',
    provider: 'sandbox',
    accountId: 'acc-1',
    accountLogin: 'buyer01',
    nickname: 'buyer01',
    state: 'active',
    stateReason: null,
    lastCheckedAt: '2026-12-01T09:00:00.000Z',
    lastSyncAt: null,
    createdAt: '2026-12-01T08:00:00.000Z',
    ...overrides,
  };
}
