import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REGISTER = join(__dirname, '../../../../scripts/ts-register.cjs');
const MODULE = join(__dirname, 'crash-points.ts');

/** Runs a process that passes the point; returns the signal that ended it, if any. */
function passPoint(env: Record<string, string>): NodeJS.Signals | null {
  const script = `require(${JSON.stringify(MODULE)}).crashPoint('reserve.after-submit');`;
  const result = spawnSync(process.execPath, ['-r', REGISTER, '-e', script], {
    env: { ...process.env, ...env },
  });

  return result.signal;
}

describe('crash points of the fault harness', () => {
  const dir = mkdtempSync(join(tmpdir(), 'autobuy-crash-points-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should do nothing without AUTOBUY_CRASH_DIR, even when a point is armed', () => {
    writeFileSync(join(dir, 'reserve.after-submit'), '');

    expect(passPoint({ AUTOBUY_CRASH_DIR: '' })).toBeNull();
  });

  it('should kill the process at an armed point once, then let the next one pass', () => {
    writeFileSync(join(dir, 'reserve.after-submit'), '');

    expect(passPoint({ AUTOBUY_CRASH_DIR: dir })).toBe('SIGKILL');
    expect(existsSync(join(dir, 'reserve.after-submit'))).toBe(false);
    expect(passPoint({ AUTOBUY_CRASH_DIR: dir })).toBeNull();
  });
});
