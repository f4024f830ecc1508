import type { Response } from 'express';

import { SandboxState } from '../state/store';

// The state plus what only makes sense for a running server: answers deliberately held open.
export class SandboxRuntime {
  readonly state: SandboxState;
  private readonly held = new Set<Response>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(seed: number) {
    this.state = new SandboxState(seed);
  }

  // A hung answer: the request never gets a response until hangMs passes (then the connection
  // drops), the Sandbox is reset, or it closes.
  hold(res: Response): void {
    this.held.add(res);
    res.on('close', () => this.held.delete(res));
    const hangMs = this.state.config.hangMs;
    if (hangMs !== null) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        res.socket?.destroy();
      }, hangMs);
      timer.unref();
      this.timers.add(timer);
    }
  }

  releaseHeld(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const res of this.held) res.socket?.destroy();
    this.held.clear();
  }

  reset(seed: number): void {
    this.releaseHeld();
    this.state.reset(seed);
  }
}
