import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { SecretBox } from '../crypto/secret-box';
import { ProviderAccountEntity } from '../providers/entities/provider-account.entity';
import { ProviderEntity } from '../providers/entities/provider.entity';
import { SessionVault } from '../vault/session-vault';
import { LoginHandler } from './login.handler';
import { SessionsBusProvider } from './login-bus';
import { LoginHost } from './login-host';
import { LoginViewers } from './login-viewers';
import { ProviderAccess } from './provider-access';
import { ProviderAdapters } from './provider-adapters';
import { ProviderSessionEntity } from './provider-session.entity';
import { SessionChecker } from './session-checker';
import { SessionRecords } from './session-records';
import { SessionUpdates } from './session-updates';
import { SessionsController } from './sessions.controller';
import { SessionsGateway } from './sessions.gateway';
import { SessionsService } from './sessions.service';

/**
 * Provider sessions: adapters, the cookie vault, popup logins, periodic checks. Exports
 * `ProviderAccess` for the workflows and `LoginHandler` for the activities engine.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProviderSessionEntity, ProviderAccountEntity, ProviderEntity]),
  ],
  controllers: [SessionsController],
  providers: [
    ProviderAdapters,
    SessionVault,
    SecretBox,
    SessionUpdates,
    ProviderAccess,
    SessionRecords,
    SessionsBusProvider,
    LoginHost,
    LoginViewers,
    LoginHandler,
    SessionsService,
    SessionsGateway,
    SessionChecker,
  ],
  exports: [ProviderAccess, SessionUpdates, ProviderAdapters, LoginHandler, SessionChecker],
})
export class SessionsModule {}
