import 'reflect-metadata';

import { bootstrap } from '../../../src/app/bootstrap';
import type { AppConfig } from '../../../src/config/app-config';
import { testConfig } from '../../support/test-app';

// A whole Autobuy process over a given data directory, so a test can kill it like a crash.
async function main(): Promise<void> {
  const { dataDir, overrides } = JSON.parse(process.env.AUTOBUY_TEST_APP ?? '{}') as {
    dataDir: string;
    overrides: Partial<AppConfig>;
  };
  const running = await bootstrap(testConfig(dataDir, overrides), { output: () => undefined });
  process.stdout.write(`ready ${running.url ?? ''}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
