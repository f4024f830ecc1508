import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type {
  CreateProviderAccountRequest,
  ProviderCode,
  UpdateProviderAccountRequest,
} from '@autobuy/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';

import { SecretBox } from '../crypto/secret-box';
import { OrderItemEntity } from '../orders/entities/order-item.entity';
import { ProviderAccountEntity } from './entities/provider-account.entity';
import { ProvidersError, ProvidersErrorCode } from './providers.error';
import { ProvidersService } from './providers.service';

@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(ProviderAccountEntity)
    private readonly accounts: Repository<ProviderAccountEntity>,
    private readonly providers: ProvidersService,
    private readonly secrets: SecretBox,
    private readonly dataSource: DataSource,
  ) {}

  list(provider?: ProviderCode): Promise<ProviderAccountEntity[]> {
    return this.accounts.find({
      where: provider ? { provider } : {},
      order: { provider: 'ASC', login: 'ASC' },
    });
  }

  async create(request: CreateProviderAccountRequest): Promise<ProviderAccountEntity> {
    const provider = await this.providers.get(request.provider);
    const login = request.login.trim();
    if (provider.loginKind === 'api-key' && !request.apiKey) {
      throw new ProvidersError(
        ProvidersErrorCode.InvalidAccountFields,
        'The request has 1 invalid field',
        {
          apiKey: [`is required for ${provider.name} accounts`],
        },
      );
    }
    if (provider.loginKind === 'browser' && request.apiKey !== undefined) {
      throw new ProvidersError(
        ProvidersErrorCode.InvalidAccountFields,
        'The request has 1 invalid field',
        {
          apiKey: [`is not used by ${provider.name}: its accounts log in through the browser`],
        },
      );
    }
    if (await this.accounts.existsBy({ provider: provider.code, login })) {
      throw new ProvidersError(
        ProvidersErrorCode.AccountExists,
        `${provider.name} already has an account "${login}"`,
      );
    }

    const now = new Date();

    return this.accounts.save(
      this.accounts.create({
        id: randomUUID(),
        provider: provider.code,
        login,
        note: request.note?.trim() || null,
        enabled: true,
        apiKeyEncrypted: request.apiKey ? this.secrets.seal(request.apiKey) : null,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }

  async get(id: string): Promise<ProviderAccountEntity> {
    const account = await this.accounts.findOneBy({ id });
    if (!account) {
      throw new ProvidersError(ProvidersErrorCode.AccountNotFound, `Account ${id} does not exist`);
    }

    return account;
  }

  async update(id: string, request: UpdateProviderAccountRequest): Promise<ProviderAccountEntity> {
    const account = await this.get(id);
    if (request.note !== undefined) {
      account.note = request.note?.trim() || null;
    }
    account.enabled = request.enabled ?? account.enabled;
    account.updatedAt = new Date();

    return this.accounts.save(account);
  }

  async remove(id: string): Promise<void> {
    const account = await this.get(id);
    // Items reserved with this account still point at it; deleting it would orphan them.
    const count = await this.dataSource
      .getRepository(OrderItemEntity)
      .countBy({ accountId: account.id });
    if (count > 0) {
      throw new ProvidersError(
        ProvidersErrorCode.AccountInUse,
        `Account "${account.login}" holds ${count} order item(s); unbind them or disable the account`,
      );
    }

    await this.accounts.delete({ id: account.id });
  }
}
