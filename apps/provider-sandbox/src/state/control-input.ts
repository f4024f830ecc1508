import { ProviderError } from './errors';
import { parseYuan } from './money';
import type { ChallengeMode, SandboxConfig } from './types';

// Validation of control API bodies: a wrong knob is refused with a message naming it, never
// silently ignored.
export function badRequest(message: string): ProviderError {
  return new ProviderError('BAD_REQUEST', message, null, 400);
}

const RATE_KEYS = ['errorRate', 'timeoutRate', 'sliderRate', 'smsRate', 'punishRate'] as const;
const MS_KEYS = [
  'latencyMs',
  'sessionIdleMs',
  'sessionAbsoluteMs',
  'autoCloseMs',
  'qrExpiryMs',
] as const;

export function parseConfigPatch(body: Record<string, unknown>): Partial<SandboxConfig> {
  const patch: Partial<SandboxConfig> = {};
  const known = new Set<string>([...RATE_KEYS, ...MS_KEYS, 'latencyRules', 'hangMs']);
  for (const key of Object.keys(body)) {
    if (!known.has(key)) throw badRequest(`unknown config key "${key}"`);
  }
  for (const key of RATE_KEYS) {
    if (body[key] === undefined) continue;
    const value = body[key];
    if (typeof value !== 'number' || value < 0 || value > 1)
      throw badRequest(`${key} must be a number from 0 to 1`);
    patch[key] = value;
  }
  for (const key of MS_KEYS) {
    if (body[key] === undefined) continue;
    const value = body[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      throw badRequest(`${key} must be a number ≥ 0`);
    patch[key] = value;
  }
  if (body['hangMs'] !== undefined) {
    const value = body['hangMs'];
    if (value !== null && (typeof value !== 'number' || value < 0))
      throw badRequest('hangMs must be null or a number ≥ 0');
    patch.hangMs = value;
  }
  if (body['latencyRules'] !== undefined) {
    const rules = body['latencyRules'];
    const valid =
      Array.isArray(rules) &&
      rules.every((rule: unknown) => {
        const candidate = rule as Record<string, unknown>;

        return (
          typeof candidate['pathPrefix'] === 'string' &&
          typeof candidate['ms'] === 'number' &&
          candidate['ms'] >= 0
        );
      });
    if (!valid) throw badRequest('latencyRules must be [{ pathPrefix: string, ms: number ≥ 0 }]');
    patch.latencyRules = rules as SandboxConfig['latencyRules'];
  }

  return patch;
}

const CHALLENGES: ChallengeMode[] = ['none', 'sms', 'qr', 'slider'];

export function parseChallenge(value: unknown, fallback: ChallengeMode): ChallengeMode {
  if (value === undefined) return fallback;
  if (!CHALLENGES.includes(value as ChallengeMode)) {
    throw badRequest(`challenge must be one of ${CHALLENGES.join(', ')}`);
  }

  return value as ChallengeMode;
}

export function parseDealLimit(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw badRequest('dealLimit must be an integer ≥ 0');
  }

  return value;
}

export function parsePrice(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const fen = parseYuan(value);
  if (fen === null || fen <= 0) throw badRequest(`${name} must be a price like "59.00"`);

  return fen;
}

export function parseStock(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw badRequest(`${name} must be an integer ≥ 0`);
  }

  return value;
}
