import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { type LoginAttachAck, WORKFLOW_LIVE_EVENTS } from '@autobuy/contracts';

import { SessionsBusProvider } from './login-bus';
import { loginChannels } from './login-channels';

/** The part of a Socket.IO socket the popup side uses. */
export interface ViewerSocket {
  id: string;
  emit(event: string, payload: unknown): unknown;
}

export type InputAck = { ok: true } | { ok: false; code: string; message: string };

interface Attachment {
  activityId: string;
  unsubscribe: (() => void)[];
  pendingInputs: Map<string, (ack: InputAck) => void>;
}

// A login queued a moment ago may not have opened its page yet: attach is asked again meanwhile.
const ATTACH_RETRY_MS = 500;
const ATTACH_TIMEOUT_MS = 15_000;
const INPUT_TIMEOUT_MS = 10_000;

const INPUT_REFUSED: InputAck = {
  ok: false,
  code: 'forbidden',
  message: 'Attach to a running login you started before sending input',
};

/**
 * The popup side of logins, in the process serving the operator's socket: attaches the socket to
 * a login wherever it runs, relays its frames and statuses, and forwards its input.
 */
@Injectable()
export class LoginViewers {
  private readonly attachments = new Map<string, Map<string, Attachment>>();

  constructor(private readonly busProvider: SessionsBusProvider) {}

  private get bus() {
    return this.busProvider.bus;
  }

  async attach(
    activityId: string,
    operatorId: string,
    socket: ViewerSocket,
  ): Promise<LoginAttachAck> {
    this.detachOne(socket.id, activityId);
    const channels = loginChannels(activityId);
    const attachment: Attachment = { activityId, unsubscribe: [], pendingInputs: new Map() };
    let admitted = false;
    let answer: (ack: LoginAttachAck) => void = () => undefined;
    const answered = new Promise<LoginAttachAck>((resolve) => {
      answer = resolve;
    });

    attachment.unsubscribe.push(
      await this.bus.subscribe(channels.to(socket.id), (message) => {
        if (message['type'] === 'attach') {
          // Admitted before the next message is handled: the frame sent with the ack must pass.
          admitted = message['ok'] === true;
          answer(message as unknown as LoginAttachAck);
        } else if (message['type'] === 'input') {
          const requestId = String(message['requestId']);
          attachment.pendingInputs.get(requestId)?.(
            message['ok'] === true ? { ok: true } : INPUT_REFUSED,
          );
          attachment.pendingInputs.delete(requestId);
        }
      }),
      await this.bus.subscribe(channels.frames, (message) => {
        if (admitted) {
          socket.emit(WORKFLOW_LIVE_EVENTS.loginFrame, message);
        }
      }),
      await this.bus.subscribe(channels.status, (message) => {
        if (admitted) {
          socket.emit(WORKFLOW_LIVE_EVENTS.loginStatus, message);
        }
      }),
    );

    const ack = await this.askUntilAnswered(
      channels.attach,
      { socketId: socket.id, operatorId },
      answered,
    );
    if (!ack.ok) {
      for (const unsubscribe of attachment.unsubscribe) {
        unsubscribe();
      }

      return ack;
    }

    const bySocket = this.attachments.get(socket.id) ?? new Map<string, Attachment>();
    bySocket.set(activityId, attachment);
    this.attachments.set(socket.id, bySocket);

    return { ok: true, width: Number(ack.width), height: Number(ack.height) };
  }

  /** Forwards input of an attached socket; the login's host checks the operator again. */
  async input(
    activityId: string,
    operatorId: string,
    socketId: string,
    input: unknown,
  ): Promise<InputAck> {
    const attachment = this.attachments.get(socketId)?.get(activityId);
    if (!attachment) {
      return INPUT_REFUSED;
    }

    const requestId = randomUUID();
    const acked = new Promise<InputAck>((resolve) => {
      const timer = setTimeout(() => {
        attachment.pendingInputs.delete(requestId);
        resolve({ ok: false, code: 'login_not_running', message: 'The login no longer runs' });
      }, INPUT_TIMEOUT_MS);
      attachment.pendingInputs.set(requestId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    this.bus.publish(loginChannels(activityId).input, { socketId, operatorId, requestId, input });

    return acked;
  }

  /** A socket went away: its logins stop sending it frames. */
  detach(socketId: string): void {
    for (const activityId of [...(this.attachments.get(socketId)?.keys() ?? [])]) {
      this.detachOne(socketId, activityId);
    }
    this.attachments.delete(socketId);
  }

  private detachOne(socketId: string, activityId: string): void {
    const attachment = this.attachments.get(socketId)?.get(activityId);
    if (!attachment) {
      return;
    }
    for (const unsubscribe of attachment.unsubscribe) {
      unsubscribe();
    }
    this.attachments.get(socketId)?.delete(activityId);
    this.bus.publish(loginChannels(activityId).detach, { socketId });
  }

  private async askUntilAnswered(
    channel: string,
    request: Record<string, unknown>,
    answered: Promise<LoginAttachAck>,
  ): Promise<LoginAttachAck> {
    const deadline = Date.now() + ATTACH_TIMEOUT_MS;
    const answer: { ack: LoginAttachAck | null } = { ack: null };
    void answered.then((ack) => {
      answer.ack = ack;
    });
    while (answer.ack === null && Date.now() < deadline) {
      this.bus.publish(channel, request);
      await Promise.race([
        answered,
        new Promise((resolve) => setTimeout(resolve, ATTACH_RETRY_MS)),
      ]);
    }

    return (
      answer.ack ?? { ok: false, code: 'login_not_running', message: 'This login is not running' }
    );
  }
}
