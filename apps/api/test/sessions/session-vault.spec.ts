import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ConfigError } from '../../src/config/app-config';
import { SessionVault, VAULT_KEY_FILE, VaultError } from '../../src/vault/session-vault';

const key = (): string => randomBytes(32).toString('base64');
const COOKIES = JSON.stringify({ cookies: [{ name: 'cookie2', value: 'secret-cookie-value' }] });

describe(SessionVault.name, () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'autobuy-vault-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should seal so the cookie value is not readable, and open it again', () => {
    const sut = new SessionVault({ vaultKeys: [key()], dataDir });

    const sealed = sut.seal(COOKIES);

    expect(sealed).not.toContain('secret-cookie-value');
    expect(Buffer.from(sealed.split(':')[2] ?? '', 'base64').toString('latin1')).not.toContain(
      'secret-cookie-value',
    );
    expect(sut.open(sealed)).toBe(COOKIES);
    expect(sut.seal(COOKIES)).not.toBe(sealed);
  });

  it('should open values of an older key after rotation and seal with the newest', () => {
    const oldKey = key();
    const newKey = key();
    const sealedBefore = new SessionVault({ vaultKeys: [oldKey], dataDir }).seal(COOKIES);

    const rotated = new SessionVault({ vaultKeys: [newKey, oldKey], dataDir });
    const sealedAfter = rotated.seal(COOKIES);

    expect(rotated.open(sealedBefore)).toBe(COOKIES);
    expect(rotated.isStale(sealedBefore)).toBe(true);
    expect(rotated.isStale(sealedAfter)).toBe(false);
    expect(new SessionVault({ vaultKeys: [newKey], dataDir }).open(sealedAfter)).toBe(COOKIES);
    expect(() => new SessionVault({ vaultKeys: [oldKey], dataDir }).open(sealedAfter)).toThrow(
      /no longer in VAULT_KEYS/,
    );
  });

  it('should refuse a sealed value that was tampered with', () => {
    const sut = new SessionVault({ vaultKeys: [key()], dataDir });
    const [format, id, packed] = sut.seal(COOKIES).split(':');
    const bytes = Buffer.from(packed ?? '', 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;

    expect(() => sut.open(`${format}:${id}:${bytes.toString('base64')}`)).toThrow(VaultError);
    expect(() => sut.open('plain text')).toThrow(/format/);
  });

  it('should create an owner-only key file on first start and reuse it', () => {
    const first = new SessionVault({ vaultKeys: [], dataDir });
    const file = join(dataDir, VAULT_KEY_FILE);
    const sealed = first.seal(COOKIES);

    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toHaveLength(32);
    expect(new SessionVault({ vaultKeys: [], dataDir }).open(sealed)).toBe(COOKIES);
  });

  it('should name the bad entry of VAULT_KEYS', () => {
    expect(() => new SessionVault({ vaultKeys: [key(), 'c2hvcnQ='], dataDir })).toThrow(
      new ConfigError(
        'VAULT_KEYS entry 2 must be 32 random bytes in base64 (openssl rand -base64 32)',
      ),
    );
  });
});
