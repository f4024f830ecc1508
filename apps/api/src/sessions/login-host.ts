import { Injectable, Logger } from '@nestjs/common';
import type { LoginStatusMessage } from '@autobuy/contracts';
import type { LoginStream } from '@autobuy/provider-adapters';

import { loginChannels } from './login-channels';
import { toPageInput } from './login-input';
import { SessionsBusProvider } from './login-bus';

interface HostedLogin {
  operatorId: string;
  stream: LoginStream;
  viewers: Set<string>;
  unsubscribe: (() => void)[];
}

/**
 * The side of a popup login that runs beside its browser page (the process running the login
 * activity): answers attach requests of the starting operator only, publishes frames while
 * someone watches, and applies input from attached popups.
 */
@Injectable()
export class LoginHost {
  private readonly logger = new Logger('LoginHost');
  private readonly logins = new Map<string, HostedLogin>();

  constructor(private readonly busProvider: SessionsBusProvider) {}

  private get bus() {
    return this.busProvider.bus;
  }

  async register(activityId: string, operatorId: string, stream: LoginStream): Promise<void> {
    const channels = loginChannels(activityId);
    const login: HostedLogin = { operatorId, stream, viewers: new Set(), unsubscribe: [] };
    this.logins.set(activityId, login);

    login.unsubscribe.push(
      await this.bus.subscribe(channels.attach, (message) => this.onAttach(activityId, message)),
      await this.bus.subscribe(channels.input, (message) => {
        void this.onInput(activityId, message);
      }),
      await this.bus.subscribe(channels.detach, (message) => {
        login.viewers.delete(String(message['socketId']));
      }),
    );
    void this.pumpFrames(activityId, login);
  }

  status(activityId: string, status: Omit<LoginStatusMessage, 'activityId'>): void {
    if (this.logins.has(activityId)) {
      this.bus.publish(loginChannels(activityId).status, { activityId, ...status });
    }
  }

  /** Tells the popups how the login ended and stops serving it. */
  finish(activityId: string, status: Omit<LoginStatusMessage, 'activityId'>): void {
    const login = this.logins.get(activityId);
    if (!login) {
      return;
    }
    this.status(activityId, status);
    this.logins.delete(activityId);
    for (const unsubscribe of login.unsubscribe) {
      unsubscribe();
    }
  }

  private onAttach(activityId: string, message: Record<string, unknown>): void {
    const login = this.logins.get(activityId);
    const socketId = String(message['socketId']);
    const reply = loginChannels(activityId).to(socketId);
    if (!login) {
      return;
    }
    if (message['operatorId'] !== login.operatorId) {
      this.bus.publish(reply, {
        type: 'attach',
        ok: false,
        code: 'forbidden',
        message: 'Only the operator who started this login can use its window',
      });

      return;
    }

    login.viewers.add(socketId);
    this.bus.publish(reply, { type: 'attach', ok: true, ...login.stream.pageSize });
    const latest = login.stream.latestFrame();
    if (latest) {
      this.publishFrame(activityId, latest);
    }
  }

  private async onInput(activityId: string, message: Record<string, unknown>): Promise<void> {
    const login = this.logins.get(activityId);
    const socketId = String(message['socketId']);
    const reply = loginChannels(activityId).to(socketId);
    const requestId = message['requestId'];
    if (!login) {
      return;
    }
    const input = toPageInput(message['input']);
    if (message['operatorId'] !== login.operatorId || !login.viewers.has(socketId) || !input) {
      this.bus.publish(reply, { type: 'input', requestId, ok: false, code: 'forbidden' });

      return;
    }

    try {
      await login.stream.sendInput(input);
      this.bus.publish(reply, { type: 'input', requestId, ok: true });
    } catch (error) {
      this.logger.warn(`Input to login ${activityId} failed: ${String(error)}`);
      this.bus.publish(reply, { type: 'input', requestId, ok: false, code: 'input_failed' });
    }
  }

  /** One pump per login; frames are published only while a popup watches. */
  private async pumpFrames(activityId: string, login: HostedLogin): Promise<void> {
    try {
      for await (const frame of login.stream.frames()) {
        if (!this.logins.has(activityId)) {
          break;
        }
        if (login.viewers.size > 0) {
          this.publishFrame(activityId, frame);
        }
      }
    } catch (error) {
      this.logger.warn(`Frames of login ${activityId} stopped: ${String(error)}`);
    }
  }

  private publishFrame(
    activityId: string,
    frame: { jpeg: Buffer; width: number; height: number },
  ): void {
    this.bus.publish(loginChannels(activityId).frames, {
      activityId,
      data: frame.jpeg.toString('base64'),
      width: frame.width,
      height: frame.height,
    });
  }
}
