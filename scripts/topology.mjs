// `npm run topology`: the 2 API + 2 worker topology of docker/compose.yml as local processes on
// PostgreSQL (a fresh database, or DATABASE_URL) and Redis (REDIS_URL, a fresh prefix), with the
// Sandbox. Flags: --apis=<n> --workers=<n> --dist (run the built dist/ instead of the sources).
// Ctrl-C stops every process and its browsers, and removes the database it created.
import { startTopology } from './lib/topology.mjs';

const flag = (name) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];

const topology = await startTopology({
  apis: Number(flag('apis') ?? 2),
  workers: Number(flag('workers') ?? 2),
  fromDist: process.argv.includes('--dist'),
  databaseUrl: process.env.DATABASE_URL,
  restartCrashedWorkers: false,
}).catch((error) => {
  console.error(error.message);
  process.exit(1);
});

console.log(
  [
    '',
    '  The Autobuy topology is running.',
    ...topology.apis.map((url, i) => `  API ${i + 1}:    ${url}/   (admin: ${url}/api/docs)`),
    `  Admin login: "${topology.adminLogin}", password "${topology.adminPassword}"`,
    `  Sandbox:  ${topology.sandboxUrl}/`,
    `  Database: ${topology.databaseUrl}`,
    `  Redis prefix: ${topology.redisPrefix}`,
    `  Process logs: ${topology.runDir}`,
    '  Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('Stopping…');
  await topology.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
