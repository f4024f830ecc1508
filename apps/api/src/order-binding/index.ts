export { ORDER_BINDING_ENTITIES } from './entities';
export { OrderBindingModule } from './order-binding.module';
export { WorkflowHandlers } from './workflow-handlers';
