import './support/quiet-logs';

import type { ActivityListQuery } from '@autobuy/contracts';

import { createActivitiesEngine } from '../../src/activities';
import { InProcessQueue } from '../../src/activities/queue/in-process-queue';
import { describeWith } from './support/services';
import {
  createPostgresDatabase,
  createSqliteDatabase,
  type TestDatabase,
} from './support/test-database';
import { TEST_HANDLERS, TEST_KINDS } from './support/test-handlers';

// The list must stay fast at 100,000 activities: every filter is answered by an index that
// also delivers the newest-first order, so no query sorts or scans the whole table.
const CASES: [string, ActivityListQuery, string][] = [
  ['no filter', {}, 'ix_activities_created'],
  ['state', { state: 'waiting_for_operator' }, 'ix_activities_state_created'],
  ['kind', { kind: 'reserve' }, 'ix_activities_kind_created'],
  [
    'account',
    { accountId: '5b0c0a43-4a53-4d36-a3a6-0e1f0a3f8a11' },
    'ix_activities_account_id_created',
  ],
  ['order', { orderId: '5b0c0a43-4a53-4d36-a3a6-0e1f0a3f8a12' }, 'ix_activities_order_id_created'],
  [
    'a date range',
    { createdFrom: '2026-12-01T00:00:00Z', createdTo: '2026-12-02T00:00:00Z' },
    'ix_activities_created',
  ],
  [
    'state after a cursor',
    {
      state: 'failed',
      cursor: Buffer.from('2026-12-01T00:00:00.000Z|5b0c0a43-4a53-4d36-a3a6-0e1f0a3f8a13').toString(
        'base64url',
      ),
    },
    'ix_activities_state_created',
  ],
];

function describePlans(name: string, open: () => Promise<TestDatabase>, explain: string): void {
  describe(name, () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await open();
    });

    afterAll(async () => {
      await db.drop();
    });

    it.each(CASES)(
      'should list by %s through an index, without sorting',
      async (_case, query, index) => {
        const engine = createActivitiesEngine(db.dataSource, {
          handlers: TEST_HANDLERS,
          requiredKinds: TEST_KINDS,
          driver: new InProcessQueue(),
        });
        const [sql, parameters] = engine.service.listQuery(query).limit(51).getQueryAndParameters();

        const runner = db.dataSource.createQueryRunner();
        if (db.spec.type === 'postgres') {
          // An empty table is cheapest to scan; forbid that to see which index the query can use.
          await runner.query('SET enable_seqscan = off');
          await runner.query('SET enable_sort = off');
        }
        const rows: Record<string, unknown>[] = await runner.query(`${explain} ${sql}`, parameters);
        await runner.release();
        const plan = rows.map((row) => Object.values(row).join(' ')).join('\n');

        expect(plan).toContain(index);
        expect(plan).not.toMatch(/TEMP B-TREE|Seq Scan|Sort Key/);
      },
    );
  });
}

describe('activity list query plans', () => {
  describePlans('on SQLite', createSqliteDatabase, 'EXPLAIN QUERY PLAN');
});

describeWith(['postgres'], 'activity list query plans on PostgreSQL', () => {
  describePlans('with the planner kept off table scans', createPostgresDatabase, 'EXPLAIN');
});
