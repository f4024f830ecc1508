import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { SecretBox } from '../crypto/secret-box';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { ProviderAccountEntity } from './entities/provider-account.entity';
import { ProviderEntity } from './entities/provider.entity';
import { WarehouseProfileEntity } from './entities/warehouse-profile.entity';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ProviderEntity, ProviderAccountEntity, WarehouseProfileEntity]),
  ],
  controllers: [ProvidersController, AccountsController],
  providers: [ProvidersService, AccountsService, SecretBox],
  exports: [ProvidersService, AccountsService],
})
export class ProvidersModule {}
