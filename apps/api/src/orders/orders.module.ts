import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { OrderItemEntity } from './entities/order-item.entity';
import { OrderEntity } from './entities/order.entity';
import { ItemStateChanges } from './item-state-changes';
import { OrderItemStates } from './item-states';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrderEntity, OrderItemEntity])],
  controllers: [OrdersController],
  providers: [OrdersService, ItemStateChanges, OrderItemStates],
  exports: [OrdersService, ItemStateChanges, OrderItemStates],
})
export class OrdersModule {}
