// `npm test`: every check and every test of the workspace, in the order a failure is cheapest to
// find. Each step runs even when an earlier one failed, and the summary names what failed.
import { ensureChromium } from './lib/ensure-chromium.mjs';
import { ensureInstall } from './lib/ensure-install.mjs';
import { run } from './lib/run.mjs';

ensureInstall();
const chromium = ensureChromium();
const env = { ...process.env, CHROMIUM_PATH: chromium, NX_DAEMON: 'false' };

const steps = [
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  // The module-boundary lint rule reads Nx's cached project graph and silently checks nothing
  // when there is none (a fresh clone), so the graph is computed first.
  ['project graph', 'npx', ['nx', 'show', 'projects']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['lint rules', 'node', ['scripts/check-boundaries.mjs']],
  ['typecheck', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--output-style=static']],
  // The benchmarks are not Nx projects, so their types are checked here.
  ...['workflows', 'live', 'load', 'harness'].map((dir) => [
    `typecheck bench/${dir}`,
    'npx',
    ['tsc', '-p', `bench/${dir}/tsconfig.json`, '--noEmit'],
  ]),
  ['build', 'npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']],
  [
    'unit and integration tests',
    'npx',
    ['nx', 'run-many', '-t', 'test', '--parallel=1', '--output-style=static', '--skip-nx-cache'],
  ],
  ['browser tests (e2e)', 'node', ['scripts/e2e.mjs']],
  // Every part of the fault and load harness, on fewer items, on the local PostgreSQL and Redis:
  // a duplicate, lost or stuck purchase fails the suite (about three minutes).
  [
    'fault harness (small)',
    'node',
    ['-r', './scripts/ts-register.cjs', 'bench/harness/run.ts', '--small'],
  ],
];

const results = [];
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const code = run(command, args, {
    env: name.startsWith('browser') ? { ...env, E2E_SKIP_BUILD: '1' } : env,
  });
  results.push({ name, ok: code === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\n=== summary ===');
for (const result of results) {
  console.log(`${result.ok ? 'pass' : 'FAIL'}  ${result.name} (${result.seconds} s)`);
}
const failed = results.filter((result) => !result.ok);
if (failed.length > 0) {
  console.error(`\n${failed.length} step(s) failed: ${failed.map((r) => r.name).join(', ')}.`);
  process.exit(1);
}
console.log('\nAll checks and tests passed.');
