import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { CreateApiKeyRequest } from '@autobuy/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { AuthError, AuthErrorCode } from './auth.error';
import { ApiKeyEntity } from './entities/api-key.entity';
import { randomToken, sha256Hex } from './secrets';

const KEY_PREFIX = 'abk_';
const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class ApiKeysService {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'DESC' } });
  }

  /** Returns the raw key once; only its SHA-256 is kept (the key has 256 random bits). */
  async create(
    request: CreateApiKeyRequest,
    createdBy: string | null,
  ): Promise<{ entity: ApiKeyEntity; key: string }> {
    const key = `${KEY_PREFIX}${randomToken(32)}`;
    const entity = await this.keys.save(
      this.keys.create({
        id: randomUUID(),
        name: request.name,
        prefix: key.slice(0, 12),
        keyHash: sha256Hex(key),
        scopes: request.scopes,
        createdBy,
        createdAt: new Date(),
        lastUsedAt: null,
        revokedAt: null,
      }),
    );

    return { entity, key };
  }

  async revoke(id: string): Promise<void> {
    const key = await this.keys.findOneBy({ id });
    if (!key) {
      throw new AuthError(AuthErrorCode.ApiKeyNotFound, `API key ${id} does not exist`);
    }

    if (key.revokedAt === null) {
      await this.keys.update({ id }, { revokedAt: new Date() });
    }
  }

  /** The live key for a raw header value, or null. */
  async authenticate(raw: string): Promise<ApiKeyEntity | null> {
    const key = await this.keys.findOneBy({ keyHash: sha256Hex(raw) });
    if (!key || key.revokedAt !== null) {
      return null;
    }

    const now = new Date();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      key.lastUsedAt = now;
      await this.keys.update({ id: key.id }, { lastUsedAt: now });
    }

    return key;
  }
}
