import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

import { APP_CONFIG, type AppConfig } from '../config/app-config';

@Injectable()
export class PasswordHasher {
  // Verified against when the login is unknown, so both paths cost the same time.
  private dummyHash: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    const { memoryCostKib, timeCost, parallelism } = this.config.passwordHashing;

    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: memoryCostKib,
      timeCost,
      parallelism,
    });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (hash === null) {
      this.dummyHash ??= this.hash('not a real password');
      await argon2.verify(await this.dummyHash, password);

      return false;
    }

    return argon2.verify(hash, password);
  }
}
