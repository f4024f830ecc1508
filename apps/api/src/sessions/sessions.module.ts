import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { SecretBox } from '../crypto/secret-box';
import { ProviderAccountEntity } from '../providers/entities/provider-account.entity';
import { ProviderEntity } from '../providers/entities/provider.entity';
import { SessionVault } from '../vault/session-vault';
import { ProviderAccess } from './provider-access';
import { ProviderAdapters } from './provider-adapters';
import { ProviderSessionEntity } from './provider-session.entity';
import { SessionUpdates } from './session-updates';

/** Provider sessions: adapters, the cookie vault, the session records and who may use them. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProviderSessionEntity, ProviderAccountEntity, ProviderEntity]),
  ],
  providers: [ProviderAdapters, SessionVault, SecretBox, SessionUpdates, ProviderAccess],
  exports: [ProviderAccess, SessionUpdates, ProviderAdapters],
})
export class SessionsModule {}
