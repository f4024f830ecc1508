import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { OrdersModule } from '../orders/orders.module';
import { ProvidersModule } from '../providers/providers.module';
import { StartupService } from './startup.service';

@Module({
  imports: [AuthModule, ProvidersModule, OrdersModule],
  providers: [StartupService],
  exports: [StartupService],
})
export class SeedModule {}
