import { DomainError } from '../common/errors/domain-error';

export enum ProvidersErrorCode {
  ProviderNotFound = 'provider_not_found',
  AccountNotFound = 'account_not_found',
  AccountExists = 'account_exists',
  AccountInUse = 'account_in_use',
  WarehouseNotSupported = 'warehouse_not_supported',
  WarehouseProfileMissing = 'warehouse_profile_missing',
  InvalidAccountFields = 'invalid_account_fields',
}

export class ProvidersError extends DomainError<ProvidersErrorCode> {}
