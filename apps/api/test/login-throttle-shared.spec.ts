import {
  createPostgresDatabase,
  postgresReachable,
  type PostgresDatabase,
} from './support/postgres';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './support/test-app';

// Two API instances on one PostgreSQL database, as behind a load balancer: together they must
// allow the five failed attempts one instance allows, not five each.
describe('login throttling across two API instances', () => {
  let postgres: PostgresDatabase | null = null;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    if (!(await postgresReachable())) {
      return;
    }
    postgres = await createPostgresDatabase();
    first = await startTestApp({ postgres });
    second = await startTestApp({ postgres });
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await postgres?.drop();
  });

  it('should block the sixth attempt on either instance after five failures spread over both', async () => {
    if (!postgres) {
      return;
    }
    const attempt = (t: TestApp, password: string) =>
      t.http.post('/api/v1/auth/login').send({ login: 'admin', password });

    for (const t of [first, second, first, second, first]) {
      await attempt(t, 'wrong password').expect(401);
    }

    const onSecond = await attempt(second, ADMIN_PASSWORD).expect(429);
    const onFirst = await attempt(first, ADMIN_PASSWORD).expect(429);

    expect(onSecond.body.code).toBe('too_many_requests');
    expect(onFirst.body.code).toBe('too_many_requests');
    expect(Number(onFirst.headers['retry-after'])).toBeGreaterThan(800);
  });

  it('should forget the failures of a login on both instances once it succeeds', async () => {
    if (!postgres) {
      return;
    }
    await first.running.dataSource.query('DELETE FROM login_failures');
    for (const t of [first, second]) {
      await t.http
        .post('/api/v1/auth/login')
        .send({ login: 'admin', password: 'wrong password' })
        .expect(401);
    }
    await second.login();

    const stored = await first.running.dataSource.query('SELECT COUNT(*) AS n FROM login_failures');
    expect(Number(stored[0].n)).toBe(0);
  });
});
