import type { ActivityDto } from '@autobuy/contracts';
import type { DataSource } from 'typeorm';

// The app's tables; the engine's own tests run on a database without them.
const ORDERS = 'orders';
const ACCOUNTS = 'provider_accounts';

type Named<T extends ActivityDto> = T & { accountLogin: string | null; orderNumber: string | null };

/**
 * Adds the account login and order number to activities read through the REST routes: one
 * batched lookup per table for a whole page (two queries by primary key, never one per row).
 * On a database without the orders and accounts tables every name is null.
 */
export class ActivityNames {
  constructor(private readonly dataSource: DataSource) {}

  async name<T extends ActivityDto>(activities: T[]): Promise<Named<T>[]> {
    const [logins, numbers] = await Promise.all([
      this.lookup(
        ACCOUNTS,
        'login',
        activities.map((activity) => activity.accountId),
      ),
      this.lookup(
        ORDERS,
        'external_id',
        activities.map((activity) => activity.orderId),
      ),
    ]);

    return activities.map((activity) => ({
      ...activity,
      accountLogin: (activity.accountId && logins.get(activity.accountId)) ?? null,
      orderNumber: (activity.orderId && numbers.get(activity.orderId)) ?? null,
    }));
  }

  async nameOne<T extends ActivityDto>(activity: T): Promise<Named<T>> {
    const [named] = await this.name([activity]);

    return named as Named<T>;
  }

  /** The id of the order with this number, or null when there is none. */
  async orderIdOf(orderNumber: string): Promise<string | null> {
    if (!this.dataSource.hasMetadata(ORDERS)) {
      return null;
    }
    const row = await this.dataSource
      .createQueryBuilder()
      .select('o.id', 'id')
      .from(ORDERS, 'o')
      .where('o.external_id = :orderNumber', { orderNumber })
      .getRawOne<{ id: string }>();

    return row?.id ?? null;
  }

  private async lookup(
    table: string,
    column: string,
    ids: (string | null)[],
  ): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0 || !this.dataSource.hasMetadata(table)) {
      return new Map();
    }
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('t.id', 'id')
      .addSelect(`t.${column}`, 'name')
      .from(table, 't')
      .where('t.id IN (:...wanted)', { wanted })
      .getRawMany<{ id: string; name: string }>();

    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
