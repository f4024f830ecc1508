import type { ActivityDto } from '@autobuy/contracts';
import type { DataSource } from 'typeorm';

// The app's tables; the engine's own tests run on a database without them.
const ORDERS = 'orders';
const ACCOUNTS = 'provider_accounts';

type Named<T extends ActivityDto> = T & { accountLogin: string | null; orderNumber: string | null };

/**
 * Adds the account login and order number to activities read through the REST routes: one
 * batched lookup for a whole page (one query by primary keys, never one per row).
 * On a database without the orders and accounts tables every name is null.
 */
export class ActivityNames {
  constructor(private readonly dataSource: DataSource) {}

  async name<T extends ActivityDto>(activities: T[]): Promise<Named<T>[]> {
    const { logins, numbers } = await this.lookup(
      activities.map((activity) => activity.accountId),
      activities.map((activity) => activity.orderId),
    );

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

  /** Logins and order numbers by id, both read in one query. */
  private async lookup(
    accountIds: (string | null)[],
    orderIds: (string | null)[],
  ): Promise<{ logins: Map<string, string>; numbers: Map<string, string> }> {
    const logins = new Map<string, string>();
    const numbers = new Map<string, string>();
    const unique = (ids: (string | null)[]) => [
      ...new Set(ids.filter((id): id is string => id !== null)),
    ];
    const accounts = this.dataSource.hasMetadata(ACCOUNTS) ? unique(accountIds) : [];
    const orders = this.dataSource.hasMetadata(ORDERS) ? unique(orderIds) : [];
    const parts: string[] = [];
    const parameters: string[] = [];
    const placeholders = (ids: string[]) =>
      ids.map((id) => this.placeholder(parameters.push(id))).join(', ');
    if (accounts.length > 0) {
      parts.push(
        `SELECT 'a' AS kind, id, login AS name FROM ${ACCOUNTS} WHERE id IN (${placeholders(accounts)})`,
      );
    }
    if (orders.length > 0) {
      parts.push(
        `SELECT 'o' AS kind, id, external_id AS name FROM ${ORDERS} WHERE id IN (${placeholders(orders)})`,
      );
    }
    if (parts.length === 0) {
      return { logins, numbers };
    }

    const rows: { kind: string; id: string; name: string }[] = await this.dataSource.query(
      parts.join(' UNION ALL '),
      parameters,
    );
    for (const row of rows) {
      (row.kind === 'a' ? logins : numbers).set(row.id, row.name);
    }

    return { logins, numbers };
  }

  /** The driver's n-th positional parameter: `$n` on PostgreSQL, `?` on SQLite. */
  private placeholder(n: number): string {
    return this.dataSource.options.type === 'postgres' ? `$${n}` : '?';
  }
}
