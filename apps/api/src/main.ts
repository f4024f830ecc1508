import 'reflect-metadata';

import { bootstrap } from './app/bootstrap';
import { ConfigError, loadConfig, parseRole } from './config/app-config';

async function main(): Promise<void> {
  const config = loadConfig(process.env, parseRole(process.argv.slice(2)));
  await bootstrap(config);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(`Autobuy could not start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
