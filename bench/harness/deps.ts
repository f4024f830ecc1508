// What the harness's own parts need beyond the shared part contract: the processes to kill and
// a place to log accounts in.
import type { SessionDesk } from './session-desk';
import type { Topology } from './topology';

export interface HarnessDeps {
  topology: Topology;
  desk: SessionDesk;
  /** The workers' AUTOBUY_CRASH_DIR: a file named after a crash point arms it. */
  crashDir: string;
}
