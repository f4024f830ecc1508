// What every part of the fault harness (`npm run harness`) receives and reports. `run.ts` starts the
// topology once, runs each part against it and prints one table of their figures.

/** One API process of the running topology, with an admin already logged in. */
export interface ApiEndpoint {
  url: string;
  adminCookie: string;
}

export interface HarnessContext {
  /** `--small`: the fast version the test suite runs, same checks on fewer items and requests. */
  small: boolean;
  /** The API processes behind which the workers run (two in the 2 API + 2 worker topology). */
  apis: ApiEndpoint[];
  sandboxUrl: string;
  /** Logs a progress line (to stderr, so the table on stdout stays clean). */
  log(line: string): void;
}

export interface PartResult {
  name: string;
  /** Faults injected: killed processes, provider errors, malformed requests sent, … */
  faults: number;
  /** Activities the part started (0 for parts that start none). */
  activities: number;
  /** Provider orders placed more than once for the same items. */
  duplicates: number;
  /** Items neither reserved nor back to available with a reason, or writes that went missing. */
  lost: number;
  /** Activities not in a final or waiting-for-the-operator state when the part ended. */
  stuck: number;
  /** Further figures printed under the table, e.g. `{ 'activities failed': 3 }`. */
  figures: Record<string, number | string>;
  /** Broken promises in plain words; any entry makes the harness exit non-zero. */
  failures: string[];
}

export interface HarnessPart {
  name: string;
  run(context: HarnessContext): Promise<PartResult>;
}
