import { buildSandbox } from './sandbox-process';

// Every adapter suite runs against the Sandbox built from its current sources.
export default function globalSetup(): void {
  buildSandbox();
}
