import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { ApiKeyEntity } from './entities/api-key.entity';
import { LoginSessionEntity } from './entities/login-session.entity';
import { OperatorEntity } from './entities/operator.entity';
import { LoginSessionsService } from './login-sessions.service';
import { LoginThrottle } from './login-throttle';
import { OperatorsController } from './operators.controller';
import { OperatorsService } from './operators.service';
import { PasswordHasher } from './password-hasher';

@Module({
  imports: [TypeOrmModule.forFeature([OperatorEntity, LoginSessionEntity, ApiKeyEntity])],
  controllers: [AuthController, OperatorsController, ApiKeysController],
  providers: [
    PasswordHasher,
    LoginThrottle,
    LoginSessionsService,
    OperatorsService,
    ApiKeysService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [OperatorsService, LoginSessionsService, ApiKeysService],
})
export class AuthModule {}
