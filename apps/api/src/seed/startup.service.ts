import { Inject, Injectable, Logger } from '@nestjs/common';

import { ensureFirstAdmin, type FirstAdminResult } from '../auth/first-admin';
import { OperatorsService } from '../auth/operators.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OrdersService } from '../orders/orders.service';
import { AccountsService } from '../providers/accounts.service';
import { ProvidersError, ProvidersErrorCode } from '../providers/providers.error';
import { ProvidersService } from '../providers/providers.service';
import { DEMO_ACCOUNT_LOGIN, DEMO_WAREHOUSE, demoOrders } from './demo-orders';

export interface StartupReport {
  firstAdmin: FirstAdminResult;
  demoData: boolean;
}

/** What every start does after migrations: providers, the first admin, demo data. */
@Injectable()
export class StartupService {
  private readonly logger = new Logger(StartupService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly operators: OperatorsService,
    private readonly providers: ProvidersService,
    private readonly accounts: AccountsService,
    private readonly orders: OrdersService,
  ) {}

  async run(freshInstall: boolean, embedded: boolean): Promise<StartupReport> {
    await this.providers.seed();
    const firstAdmin = await ensureFirstAdmin(this.operators, this.config.adminPassword);
    const demoData = this.config.demoData ?? (freshInstall && embedded);
    if (demoData) {
      await this.seedDemoData();
    }

    return { firstAdmin, demoData };
  }

  /** Safe to repeat: every step looks for its result first. */
  async seedDemoData(): Promise<void> {
    const existing = await this.accounts.list('sandbox');
    if (!existing.some((a) => a.login === DEMO_ACCOUNT_LOGIN)) {
      await this.accounts.create({
        provider: 'sandbox',
        login: DEMO_ACCOUNT_LOGIN,
        note: 'Demo buyer of the Sandbox (password sandbox123)',
      });
    }

    const hasWarehouse = await this.providers.getWarehouse('sandbox').then(
      () => true,
      (error: unknown) => {
        if (
          error instanceof ProvidersError &&
          error.code === ProvidersErrorCode.WarehouseProfileMissing
        ) {
          return false;
        }
        throw error;
      },
    );
    if (!hasWarehouse) {
      await this.providers.putWarehouse('sandbox', DEMO_WAREHOUSE);
    }

    for (const order of demoOrders(this.config.sandboxUrl)) {
      await this.orders.import(order);
    }
    this.logger.log('Demo data is in place (Sandbox account sandbox_buyer and demo orders)');
  }
}
