import { unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Named points inside the workflows where the fault harness (`npm run harness`) kills the worker
 * process, to prove a crash between two writes loses and duplicates nothing.
 *
 * Inactive unless `AUTOBUY_CRASH_DIR` names a directory. The harness arms a point by creating a
 * file named after it there; the first process to reach the point deletes the file (only one
 * delete succeeds across processes, so a point fires once) and ends itself with SIGKILL, which
 * gives no chance to clean up, like a power cut.
 */
export type CrashPoint =
  | 'reserve.before-attempt'
  | 'reserve.after-attempt'
  | 'reserve.after-submit'
  | 'reserve.after-bind'
  | 'unbind.before-cancel'
  | 'unbind.after-cancel';

export const CRASH_POINTS: readonly CrashPoint[] = [
  'reserve.before-attempt',
  'reserve.after-attempt',
  'reserve.after-submit',
  'reserve.after-bind',
  'unbind.before-cancel',
  'unbind.after-cancel',
];

export function crashPoint(point: CrashPoint): void {
  const dir = process.env['AUTOBUY_CRASH_DIR'];
  if (!dir) {
    return;
  }
  try {
    unlinkSync(join(dir, point));
  } catch {
    // Not armed, or another process took it first.
    return;
  }
  process.stderr.write(
    `Crash point ${point} reached: the process ends itself (AUTOBUY_CRASH_DIR)\n`,
  );
  process.kill(process.pid, 'SIGKILL');
}
