import { resolve } from 'node:path';

import { ConfigError, isPostgres, loadConfig, parseRole } from '../src/config/app-config';

describe('configuration from the environment', () => {
  it('should use the documented defaults when nothing is set', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      role: 'all',
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      databaseUrl: null,
      adminPassword: null,
      sandboxUrl: 'http://127.0.0.1:3100',
      demoData: null,
      corsOrigins: [],
      passwordHashing: { memoryCostKib: 19456, timeCost: 2, parallelism: 1 },
    });
    expect(config.adminDist).toMatch(/apps\/admin\/dist$/);
    expect(isPostgres(config)).toBe(false);
  });

  it('should read every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/tmp/autobuy',
      DATABASE_URL: 'postgres://u@db:5432/autobuy',
      ADMIN_PASSWORD: 'secret-secret',
      SANDBOX_URL: 'http://sandbox:3100/',
      ADMIN_DIST: '/srv/admin',
      DEMO_DATA: 'false',
      CORS_ORIGINS: 'http://localhost:5173, http://127.0.0.1:5173',
      LOG_LEVEL: 'warn',
    });

    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/tmp/autobuy',
      adminPassword: 'secret-secret',
      sandboxUrl: 'http://sandbox:3100',
      adminDist: '/srv/admin',
      demoData: false,
      corsOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
      logLevels: ['fatal', 'error', 'warn'],
    });
    expect(isPostgres(config)).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a port number/],
    [{ PORT: '70000' }, /PORT must be a port number/],
    [{ DEMO_DATA: 'maybe' }, /DEMO_DATA must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
  ])('should refuse %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('should parse --role and refuse unknown roles', () => {
    expect(parseRole([])).toBe('all');
    expect(parseRole(['--role=worker'])).toBe('worker');
    expect(parseRole(['--role=api'])).toBe('api');
    expect(() => parseRole(['--role=boss'])).toThrow(/--role must be all, api or worker/);
  });
});
