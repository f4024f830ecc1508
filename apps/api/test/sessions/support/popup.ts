import {
  type LoginAttachAck,
  type LoginFrameMessage,
  type LoginInput,
  type LoginStatusMessage,
  type SessionUpdateMessage,
  WORKFLOW_LIVE_EVENTS,
} from '@autobuy/contracts';
import { io, type Socket } from 'socket.io-client';

export interface Box {
  x: number;
  y: number;
}

/** An operator's admin tab on the live channel, acting as the login popup would. */
export class Popup {
  readonly socket: Socket;
  readonly frames: LoginFrameMessage[] = [];
  readonly statuses: LoginStatusMessage[] = [];
  readonly sessionUpdates: SessionUpdateMessage[] = [];

  constructor(url: string, cookie: string) {
    this.socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie },
    });
    this.socket.on(WORKFLOW_LIVE_EVENTS.loginFrame, (m: LoginFrameMessage) => this.frames.push(m));
    this.socket.on(WORKFLOW_LIVE_EVENTS.loginStatus, (m: LoginStatusMessage) =>
      this.statuses.push(m),
    );
    this.socket.on(WORKFLOW_LIVE_EVENTS.sessionUpdate, (m: SessionUpdateMessage) =>
      this.sessionUpdates.push(m),
    );
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) {
        resolve();
      }
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  attach(activityId: string): Promise<LoginAttachAck> {
    return this.socket.emitWithAck(WORKFLOW_LIVE_EVENTS.loginAttach, { activityId });
  }

  send(activityId: string, input: LoginInput): Promise<{ ok: boolean; code?: string }> {
    return this.socket.emitWithAck(WORKFLOW_LIVE_EVENTS.loginInput, { activityId, input });
  }

  async click(activityId: string, at: Box): Promise<void> {
    await this.expectOk(this.send(activityId, { type: 'mouse', action: 'down', ...at }));
    await this.expectOk(this.send(activityId, { type: 'mouse', action: 'up', ...at }));
  }

  async type(activityId: string, text: string): Promise<void> {
    await this.expectOk(this.send(activityId, { type: 'text', text }));
  }

  async status(
    activityId: string,
    status: LoginStatusMessage['status'],
  ): Promise<LoginStatusMessage> {
    for (;;) {
      const found = this.statuses.find((s) => s.activityId === activityId && s.status === status);
      if (found) {
        return found;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async firstFrame(activityId: string): Promise<LoginFrameMessage> {
    for (;;) {
      const found = this.frames.find((f) => f.activityId === activityId);
      if (found) {
        return found;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  close(): void {
    this.socket.disconnect();
  }

  private async expectOk(answer: Promise<{ ok: boolean; code?: string }>): Promise<void> {
    const result = await answer;
    if (!result.ok) {
      throw new Error(`The login input was refused: ${result.code}`);
    }
  }
}
