/**
 * Body fields worth keeping in the audit log: they name what an action touched (the order, its
 * items, the session, the answer given). Anything else stays out, so a password, a provider API
 * key or a webhook secret never lands in the log.
 */
const KEPT_FIELDS = [
  'orderId',
  'itemIds',
  'sessionId',
  'accountId',
  'providerOrderNumber',
  'provider',
  'questionId',
  'choice',
  'url',
  'events',
  'enabled',
  'name',
  'scopes',
  'role',
  'disabled',
  'externalId',
] as const;

const MAX_LIST = 50;

export function auditDetails(body: unknown, answer: unknown): Record<string, unknown> | null {
  const details: Record<string, unknown> = {};
  if (isRecord(body)) {
    for (const field of KEPT_FIELDS) {
      const value = body[field];
      if (typeof value === 'string') {
        details[field] = value.slice(0, 200);
      } else if (typeof value === 'number' || typeof value === 'boolean') {
        details[field] = value;
      } else if (Array.isArray(value)) {
        details[field] = value.slice(0, MAX_LIST).map((v) => String(v).slice(0, 100));
      }
    }
  }
  // The activity a purchase operation started, so the log leads to its progress and outcome.
  if (isRecord(answer) && typeof answer.activityId === 'string') {
    details.activityId = answer.activityId;
  }

  return Object.keys(details).length > 0 ? details : null;
}

/** What a write acted on: the route's id, else the order it names, else what it created. */
export function auditTarget(
  params: Record<string, string>,
  body: unknown,
  answer: unknown,
): string | null {
  const fromParams = params.id ?? params.code;
  if (fromParams) {
    return fromParams;
  }
  if (isRecord(body) && typeof body.orderId === 'string') {
    return body.orderId.slice(0, 200);
  }
  if (isRecord(answer) && typeof answer.id === 'string') {
    return answer.id;
  }

  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
