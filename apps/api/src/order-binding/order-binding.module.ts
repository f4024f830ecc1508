import { Module } from '@nestjs/common';

import { OrdersModule } from '../orders/orders.module';
import { ProvidersModule } from '../providers/providers.module';
import { ProviderAccess } from '../sessions/provider-access';
import { SessionsModule } from '../sessions/sessions.module';
import { BackgroundSync } from '../sync/background-sync';
import { SyncApplier } from '../sync/sync-applier';
import { SyncController } from '../sync/sync.controller';
import { SyncHandler } from '../sync/sync.handler';
import { SyncService } from '../sync/sync.service';
import { AttemptStore } from './attempt-store';
import { BindHandler } from './bind/bind.handler';
import { BindingStore } from './binding-store';
import { ItemWriter } from './item-writer';
import { OrderItemsLive } from './order-items-live';
import { PROVIDER_ACCESS } from './provider-access.port';
import { PurchasesController } from './purchases.controller';
import { PurchasesService } from './purchases.service';
import { ReserveCancellation } from './reserve/reserve-cancel';
import { ReserveHandler } from './reserve/reserve.handler';
import { UnbindHandler } from './unbind/unbind.handler';
import { WorkflowHandlers } from './workflow-handlers';

/**
 * The purchase workflows: reserve, unbind, bind and synchronize, their REST calls and their
 * activity handlers (exported as `WorkflowHandlers` for the activities engine).
 */
@Module({
  imports: [OrdersModule, ProvidersModule, SessionsModule],
  controllers: [PurchasesController, SyncController],
  providers: [
    { provide: PROVIDER_ACCESS, useExisting: ProviderAccess },
    BindingStore,
    AttemptStore,
    ItemWriter,
    ReserveHandler,
    ReserveCancellation,
    UnbindHandler,
    BindHandler,
    SyncApplier,
    SyncHandler,
    SyncService,
    BackgroundSync,
    PurchasesService,
    WorkflowHandlers,
    OrderItemsLive,
  ],
  exports: [WorkflowHandlers, BackgroundSync, SyncService, BindingStore],
})
export class OrderBindingModule {}
