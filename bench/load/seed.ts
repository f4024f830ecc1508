// Bulk seed for the load benchmark: orders with two items each and activities over them, written
// by a few INSERT … SELECT FROM generate_series statements (seconds, not one request per row).
export interface SeedSize {
  orders: number;
  activities: number;
}

const ACCOUNTS = 8;

/** `query` runs one SQL statement on the benchmark's database. */
export async function seedBulk(
  query: (sql: string) => Promise<unknown>,
  size: SeedSize,
): Promise<void> {
  await query(
    `INSERT INTO provider_accounts (id, provider_code, login, note, enabled, created_at, updated_at)
     SELECT gen_random_uuid()::text, 'sandbox', 'load_buyer_' || n, NULL, true, now(), now()
     FROM generate_series(1, ${ACCOUNTS}) AS n`,
  );
  // Orders spread over the last 200 days, newest last, so the lists page through real dates.
  await query(
    `INSERT INTO orders (id, external_id, customer_name, comment, created_at, updated_at)
     SELECT gen_random_uuid()::text, 'LOAD-' || n, 'Покупатель ' || (n % 997), NULL,
            now() - ((${size.orders} - n) * interval '5 minutes'),
            now() - ((${size.orders} - n) * interval '5 minutes')
     FROM generate_series(1, ${size.orders}) AS n`,
  );
  for (const position of [1, 2]) {
    await query(
      `INSERT INTO order_items (id, order_id, position, external_id, provider_code,
         provider_item_id, sku_id, configuration, title, quantity, unit_price, currency, seller_id,
         seller_name, is_tmall, picture_url, item_url, state, state_reason, provider_order_number,
         tracking_number, account_id, created_at, updated_at)
       SELECT gen_random_uuid()::text, o.id, ${position}, 'line-${position}', 'sandbox',
              (600000000000 + (abs(hashtext(o.id)) % 500))::text, NULL, NULL, 'Товар для нагрузки',
              1 + (abs(hashtext(o.id)) % 3), '59.00', 'CNY', '2200000001', 'Магазин',
              false, NULL, NULL,
              (ARRAY['available', 'reserved', 'paid', 'shipped'])[1 + abs(hashtext(o.id || '${position}')) % 4],
              NULL, NULL, NULL, NULL, o.created_at, o.updated_at
       FROM orders o`,
    );
  }
  // Activities: two per order (a reservation and a sync), cycling through the end states.
  await query(
    `WITH numbered AS (
       SELECT id, created_at, row_number() OVER (ORDER BY created_at, id) AS n FROM orders
     ), accounts AS (
       SELECT id, row_number() OVER (ORDER BY id) AS n FROM provider_accounts
     )
     INSERT INTO activities (id, kind, state, account_id, order_id, started_by, summary, input,
       counters, item_states, step, step_state, failed_step, pending_question_id, reason,
       cancel_requested, attempt, last_seq, runner_token, lease_expires_ms, created_at,
       updated_at, started_at, finished_at)
     SELECT gen_random_uuid()::text, k.kind,
            (ARRAY['succeeded', 'failed', 'cancelled', 'partly_succeeded'])[1 + (o.n % 4)],
            a.id, o.id, NULL, 'Load ' || k.kind || ' ' || o.n, '{}', '{}', '{}', NULL, NULL, NULL,
            NULL, NULL, false, 1, 3, NULL, NULL,
            o.created_at + k.offset_time, o.created_at + k.offset_time,
            o.created_at + k.offset_time, o.created_at + k.offset_time + interval '20 seconds'
     FROM numbered o
     JOIN accounts a ON a.n = 1 + (o.n % ${ACCOUNTS})
     CROSS JOIN (VALUES ('reserve', interval '1 minute'), ('sync', interval '2 minutes'))
       AS k(kind, offset_time)
     WHERE o.n <= ${Math.ceil(size.activities / 2)}`,
  );
  await query('ANALYZE');
}
