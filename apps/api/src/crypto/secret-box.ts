import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, ConfigError, type AppConfig } from '../config/app-config';

const VERSION = 'v1';

/**
 * Seals secrets kept at rest (provider API keys, later provider cookies) with AES-256-GCM.
 * The key comes from SECRET_KEY or, on a single machine, from a file created once under
 * DATA_DIR; several instances sharing one database must all be given the same SECRET_KEY.
 */
@Injectable()
export class SecretBox {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = loadKey(config);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);

    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  open(sealed: string): string {
    const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));

    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}

function loadKey(config: AppConfig): Buffer {
  if (config.secretKey !== null) {
    const key = Buffer.from(config.secretKey, 'base64');
    if (key.length !== 32) {
      throw new ConfigError(
        'SECRET_KEY must be 32 random bytes in base64 (openssl rand -base64 32)',
      );
    }

    return key;
  }

  const file = join(config.dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }

  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}
