import { Injectable } from '@nestjs/common';
import {
  PROVIDER_CODES,
  type ProviderCode,
  type UpdateProviderRequest,
  type WarehouseProfileDto,
} from '@autobuy/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { ProviderEntity } from './entities/provider.entity';
import { WarehouseProfileEntity } from './entities/warehouse-profile.entity';
import { PROVIDER_DEFAULTS } from './provider-registry';
import { ProvidersError, ProvidersErrorCode } from './providers.error';

@Injectable()
export class ProvidersService {
  constructor(
    @InjectRepository(ProviderEntity) private readonly providers: Repository<ProviderEntity>,
    @InjectRepository(WarehouseProfileEntity)
    private readonly warehouses: Repository<WarehouseProfileEntity>,
  ) {}

  /** Adds providers this version knows and the database does not; existing rows stay as set. */
  async seed(): Promise<void> {
    for (const code of PROVIDER_CODES) {
      if (!(await this.providers.existsBy({ code }))) {
        await this.providers.insert({ code, ...PROVIDER_DEFAULTS[code], updatedAt: new Date() });
      }
    }
  }

  async list(): Promise<ProviderEntity[]> {
    const rows = await this.providers.find();
    const order = (code: ProviderCode): number => PROVIDER_CODES.indexOf(code);

    return rows.sort((a, b) => order(a.code) - order(b.code));
  }

  async get(code: string): Promise<ProviderEntity> {
    const provider = PROVIDER_CODES.includes(code as ProviderCode)
      ? await this.providers.findOneBy({ code: code as ProviderCode })
      : null;
    if (!provider) {
      throw new ProvidersError(
        ProvidersErrorCode.ProviderNotFound,
        `There is no provider "${code}"; known: ${PROVIDER_CODES.join(', ')}`,
      );
    }

    return provider;
  }

  async update(code: string, request: UpdateProviderRequest): Promise<ProviderEntity> {
    const provider = await this.get(code);
    provider.enabled = request.enabled ?? provider.enabled;
    provider.priceTolerancePercent =
      request.priceTolerancePercent ?? provider.priceTolerancePercent;
    provider.updatedAt = new Date();

    return this.providers.save(provider);
  }

  async getWarehouse(code: string): Promise<WarehouseProfileEntity> {
    const provider = await this.warehouseProvider(code);
    const profile = await this.warehouses.findOneBy({ provider: provider.code });
    if (!profile) {
      throw new ProvidersError(
        ProvidersErrorCode.WarehouseProfileMissing,
        `No warehouse profile is set for ${provider.name} yet`,
      );
    }

    return profile;
  }

  /** The body was validated field by field on the way in (see WarehouseProfileBody). */
  async putWarehouse(code: string, body: WarehouseProfileDto): Promise<WarehouseProfileEntity> {
    const provider = await this.warehouseProvider(code);

    return this.warehouses.save(
      this.warehouses.create({
        provider: provider.code,
        recipientName: body.recipientName.trim(),
        mobilePhone: body.mobilePhone,
        regionCode: body.regionCode,
        zipCode: body.zipCode,
        address: body.address.trim(),
        updatedAt: new Date(),
      }),
    );
  }

  private async warehouseProvider(code: string): Promise<ProviderEntity> {
    const provider = await this.get(code);
    if (!provider.needsWarehouse) {
      throw new ProvidersError(
        ProvidersErrorCode.WarehouseNotSupported,
        `${provider.name} delivers without a warehouse profile`,
      );
    }

    return provider;
  }
}
