export { WEBHOOK_ENTITIES } from './entities';
export { WebhooksModule } from './webhooks.module';
