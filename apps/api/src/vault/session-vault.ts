import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig, ConfigError } from '../config/app-config';

const FORMAT = 'vault1';
export const VAULT_KEY_FILE = 'vault.key';

interface VaultKey {
  /** A short fingerprint stored beside each sealed value, so opening needs no guessing. */
  id: string;
  key: Buffer;
}

export class VaultError extends Error {}

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function parseKey(base64: string, position: number): VaultKey {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) {
    throw new ConfigError(
      `VAULT_KEYS entry ${position + 1} must be 32 random bytes in base64 (openssl rand -base64 32)`,
    );
  }

  return { id: keyId(key), key };
}

/** The embedded default: one key created on first start, readable by the owner only. */
function keyFromFile(dataDir: string): string {
  const file = join(dataDir, VAULT_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }

  return readFileSync(file, 'utf8').trim();
}

/**
 * Seals provider session snapshots (cookies and storage) with AES-256-GCM. Keys come from
 * VAULT_KEYS, newest first: the newest seals, every one of them opens, so keys can be rotated
 * by putting a new one in front and re-sealing at leisure. Sealed values never reach the logs.
 */
@Injectable()
export class SessionVault {
  private readonly keys: VaultKey[];

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'vaultKeys' | 'dataDir'>) {
    const configured =
      config.vaultKeys.length > 0 ? config.vaultKeys : [keyFromFile(config.dataDir)];
    this.keys = configured.map(parseKey);
  }

  seal(plain: string): string {
    const newest = this.keys[0] as VaultKey;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', newest.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const packed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');

    return `${FORMAT}:${newest.id}:${packed}`;
  }

  open(sealed: string): string {
    const [format, id, packed] = sealed.split(':');
    if (format !== FORMAT || !id || !packed) {
      throw new VaultError('The stored session is not in a format this version can read');
    }
    const found = this.keys.find((k) => k.id === id);
    if (!found) {
      throw new VaultError(
        `The stored session was sealed with key ${id}, which is no longer in VAULT_KEYS`,
      );
    }

    const raw = Buffer.from(packed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', found.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    try {
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new VaultError('The stored session failed its integrity check');
    }
  }

  /** Whether a value was sealed with an older key and should be sealed again. */
  isStale(sealed: string): boolean {
    return sealed.split(':')[1] !== this.keys[0]?.id;
  }
}
