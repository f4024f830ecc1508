import { DEMO_PASSWORD } from './state/demo-fixture';
import { startSandbox } from './server';

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a non-negative integer, got "${raw}"`);
    process.exit(1);
  }

  return value;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: numberFromEnv('SANDBOX_PORT', 3100),
    host: process.env['SANDBOX_HOST'] || '127.0.0.1',
    seed: numberFromEnv('SANDBOX_SEED', 1),
  });

  console.log(`Provider Sandbox listening on ${sandbox.url}/`);
  console.log(`  login page:  ${sandbox.url}/member/login.jhtml`);
  console.log(
    `  buyers (password "${DEMO_PASSWORD}"): sandbox_buyer (no challenge), sms_buyer (SMS code),`,
  );
  console.log('    qr_buyer (QR code), slider_buyer (slider)');
  console.log(`  Kitmall API: ${sandbox.url}/kitmall/api/v1 with X-Api-Key: kitmall-demo-key`);
  console.log(`  control API: ${sandbox.url}/__control (see docs/sandbox.md)`);

  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('The Sandbox could not start:', error);
  process.exit(1);
});
