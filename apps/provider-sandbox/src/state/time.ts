// Renders a time as the provider does: "2026-12-03 16:40:01" in China Standard Time.
export function formatChinaTime(ms: number): string {
  const shifted = new Date(ms + 8 * 3600_000);

  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}

// Virtual time: real time plus an offset the control API can advance, so session expiry,
// QR expiry and auto-close can be tested without waiting.
export class SandboxClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
