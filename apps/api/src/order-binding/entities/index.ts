import { SyncMarkEntity } from '../../sync/sync-mark.entity';
import { ItemBindingEntity } from './item-binding.entity';
import { OrderAttemptEntity } from './order-attempt.entity';
import { ProviderOrderEntity } from './provider-order.entity';

/** The tables of the purchase workflows, for the app's entity list. */
export const ORDER_BINDING_ENTITIES = [
  ProviderOrderEntity,
  ItemBindingEntity,
  OrderAttemptEntity,
  SyncMarkEntity,
];
