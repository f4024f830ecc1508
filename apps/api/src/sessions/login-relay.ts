import { Injectable, Logger } from '@nestjs/common';
import {
  type LoginAttachAck,
  type LoginStatusMessage,
  WORKFLOW_LIVE_EVENTS,
} from '@autobuy/contracts';
import type { LoginStream } from '@autobuy/provider-adapters';

/** The part of a Socket.IO socket the relay uses. */
export interface RelaySocket {
  id: string;
  connected: boolean;
  emit(event: string, payload: unknown): unknown;
}

interface RunningLogin {
  operatorId: string;
  stream: LoginStream;
  sockets: Map<string, RelaySocket>;
}

const ATTACH_WAIT_MS = 15_000;

/**
 * The login streams running in this process, and the popups attached to them: frames and
 * statuses go out to the sockets of the operator who started the login, input comes in only
 * from them. The stream lives in the process running the activity, so the popup must reach
 * that process (true for `--role=all`; see docs/known-limitations.md for split roles).
 */
@Injectable()
export class LoginRelay {
  private readonly logger = new Logger('LoginRelay');
  private readonly logins = new Map<string, RunningLogin>();
  private readonly waiting = new Map<string, Set<() => void>>();

  register(activityId: string, operatorId: string, stream: LoginStream): void {
    this.logins.set(activityId, { operatorId, stream, sockets: new Map() });
    for (const wake of this.waiting.get(activityId) ?? []) {
      wake();
    }
    this.waiting.delete(activityId);
  }

  /** Tells the attached popups how the login ended, then forgets the stream. */
  finish(activityId: string, status: Omit<LoginStatusMessage, 'activityId'>): void {
    this.status(activityId, status);
    this.logins.delete(activityId);
  }

  status(activityId: string, status: Omit<LoginStatusMessage, 'activityId'>): void {
    const login = this.logins.get(activityId);
    const message: LoginStatusMessage = { activityId, ...status };
    for (const socket of login?.sockets.values() ?? []) {
      socket.emit(WORKFLOW_LIVE_EVENTS.loginStatus, message);
    }
  }

  /** Attaches a popup; waits a little for a login that was queued but has not opened yet. */
  async attach(
    activityId: string,
    operatorId: string,
    socket: RelaySocket,
  ): Promise<LoginAttachAck> {
    const login = this.logins.get(activityId) ?? (await this.waitFor(activityId));
    if (!login) {
      return { ok: false, code: 'login_not_running', message: 'This login is not running' };
    }
    if (login.operatorId !== operatorId) {
      return {
        ok: false,
        code: 'forbidden',
        message: 'Only the operator who started this login can use its window',
      };
    }

    login.sockets.set(socket.id, socket);
    void this.pump(activityId, login, socket);

    return { ok: true, ...login.stream.pageSize };
  }

  detach(socketId: string): void {
    for (const login of this.logins.values()) {
      login.sockets.delete(socketId);
    }
  }

  /** Forwards input from an attached popup of the starting operator; false when refused. */
  async input(
    activityId: string,
    operatorId: string,
    socketId: string,
    send: (stream: LoginStream) => Promise<void>,
  ): Promise<boolean> {
    const login = this.logins.get(activityId);
    if (!login || login.operatorId !== operatorId || !login.sockets.has(socketId)) {
      return false;
    }
    await send(login.stream);

    return true;
  }

  private waitFor(activityId: string): Promise<RunningLogin | undefined> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(this.logins.get(activityId));
      };
      const timer = setTimeout(() => {
        this.waiting.get(activityId)?.delete(wake);
        resolve(undefined);
      }, ATTACH_WAIT_MS);
      const set = this.waiting.get(activityId) ?? new Set();
      set.add(wake);
      this.waiting.set(activityId, set);
    });
  }

  /** Newest frames to one socket until it detaches or the stream ends. */
  private async pump(activityId: string, login: RunningLogin, socket: RelaySocket): Promise<void> {
    const latest = login.stream.latestFrame();
    const send = (frame: { jpeg: Buffer; width: number; height: number }) =>
      socket.emit(WORKFLOW_LIVE_EVENTS.loginFrame, {
        activityId,
        data: frame.jpeg.toString('base64'),
        width: frame.width,
        height: frame.height,
      });
    if (latest) {
      send(latest);
    }

    try {
      for await (const frame of login.stream.frames()) {
        if (!socket.connected || !login.sockets.has(socket.id)) {
          break;
        }
        send(frame);
      }
    } catch (error) {
      this.logger.warn(`Frames of login ${activityId} stopped: ${String(error)}`);
    }
  }
}
