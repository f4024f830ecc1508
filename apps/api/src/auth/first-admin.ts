import { randomBytes } from 'node:crypto';

import type { OperatorsService } from './operators.service';

export interface FirstAdminResult {
  created: boolean;
  login: string;
  /** Only when created; shown once and never stored in clear. */
  password: string | null;
  generated: boolean;
}

/** Avoids look-alike characters so the printed password can be typed from a screen. */
function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);

  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Creates `admin` when no operator exists yet; never touches an existing install. */
export async function ensureFirstAdmin(
  operators: OperatorsService,
  configuredPassword: string | null,
): Promise<FirstAdminResult> {
  if ((await operators.count()) > 0) {
    return { created: false, login: 'admin', password: null, generated: false };
  }

  const password = configuredPassword ?? generatePassword();
  await operators.create({ login: 'admin', password, role: 'admin' });

  return { created: true, login: 'admin', password, generated: configuredPassword === null };
}

/** The box printed once on first start, so the password stands out in a busy console. */
export function firstAdminBanner(result: FirstAdminResult, url: string): string {
  const lines = [
    'Autobuy: the first operator was created',
    '',
    `  URL:      ${url}`,
    `  login:    ${result.login}`,
    result.generated
      ? `  password: ${result.password ?? ''}`
      : '  password: the value of ADMIN_PASSWORD',
    '',
    result.generated
      ? 'This password is shown only now. Log in and change it in Settings → Operators.'
      : 'Log in with it and keep ADMIN_PASSWORD out of shared shells.',
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const border = `+${'-'.repeat(width + 2)}+`;

  return [border, ...lines.map((l) => `|  ${l.padEnd(width)}|`), border].join('\n') + '\n';
}
