export { AccountsSettings } from './components/accounts/accounts-settings';
export { ApiKeysSettings } from './components/api-keys/api-keys-settings';
export { OperatorsSettings } from './components/operators/operators-settings';
export { ProvidersSettings } from './components/providers/providers-settings';
export { WarehouseSettings } from './components/warehouse/warehouse-settings';
export { AuditSettings } from './components/audit/audit-settings';
export { WebhooksSettings } from './components/webhooks/webhooks-settings';
