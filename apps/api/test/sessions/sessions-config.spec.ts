import { ConfigError, loadConfig } from '../../src/config/app-config';

describe('sessions configuration', () => {
  it('should default to the Sandbox, checks every 10 minutes and the key file', () => {
    const config = loadConfig({ SANDBOX_URL: 'http://sandbox.test:3100/' });

    expect(config).toMatchObject({
      kitmallUrl: 'http://sandbox.test:3100/kitmall/api/v1',
      sessionCheckIntervalMs: 600_000,
      vaultKeys: [],
      taobaoUrls: {},
      chromiumPath: null,
      redisUrl: null,
    });
  });

  it('should read keys newest first, host overrides and the check interval', () => {
    const config = loadConfig({
      VAULT_KEYS: ' new-key , old-key ,',
      TAOBAO_LOGIN_URL: 'https://login.example.test/',
      KITMALL_URL: 'https://api.kitmall.test/v1',
      SESSION_CHECK_INTERVAL_SECONDS: '90',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });

    expect(config).toMatchObject({
      vaultKeys: ['new-key', 'old-key'],
      taobaoUrls: { login: 'https://login.example.test' },
      kitmallUrl: 'https://api.kitmall.test/v1',
      sessionCheckIntervalMs: 90_000,
      redisUrl: 'redis://127.0.0.1:6379',
    });
  });

  it.each(['0', '-5', 'soon'])('should refuse a check interval of "%s"', (value) => {
    expect(() => loadConfig({ SESSION_CHECK_INTERVAL_SECONDS: value })).toThrow(
      new ConfigError(
        `SESSION_CHECK_INTERVAL_SECONDS must be a positive number of seconds, got "${value}"`,
      ),
    );
  });
});
