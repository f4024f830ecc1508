import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { LIVE_SOCKET_PATH, type LoginAttachAck, WORKFLOW_LIVE_EVENTS } from '@autobuy/contracts';
import { Namespace, type Server, type Socket } from 'socket.io';

import type { LiveIdentity } from '../activities';
import { toPageInput } from './login-input';
import { type InputAck, LoginViewers } from './login-viewers';
import { SessionUpdates } from './session-updates';

function operatorOf(socket: Socket): string | null {
  const data = socket.data as { identity?: LiveIdentity } | undefined;

  return data?.identity?.operatorId ?? null;
}

/**
 * The sessions' messages on the live channel's server (same path, same handshake checks):
 * `session.update` to every operator, and the popup login's attach, frames and input.
 */
@WebSocketGateway({ path: LIVE_SOCKET_PATH, serveClient: false })
export class SessionsGateway implements OnGatewayInit, OnGatewayDisconnect, OnApplicationShutdown {
  private readonly logger = new Logger('SessionsGateway');
  private unsubscribe: Promise<() => void> | null = null;

  constructor(
    private readonly viewers: LoginViewers,
    private readonly updates: SessionUpdates,
  ) {}

  afterInit(given: Server | Namespace): void {
    const server = given instanceof Namespace ? given.server : given;
    // Every socket of the live channel belongs to an operator; each API process tells its own.
    this.unsubscribe = this.updates.subscribe((session) => {
      server.local.emit(WORKFLOW_LIVE_EVENTS.sessionUpdate, { session });
    });
    this.unsubscribe.catch((error: unknown) => {
      this.logger.error(`Session updates are not reaching sockets: ${String(error)}`);
    });
  }

  handleDisconnect(socket: Socket): void {
    this.viewers.detach(socket.id);
  }

  async onApplicationShutdown(): Promise<void> {
    const unsubscribe = await this.unsubscribe?.catch(() => null);
    unsubscribe?.();
  }

  @SubscribeMessage(WORKFLOW_LIVE_EVENTS.loginAttach)
  async attach(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<LoginAttachAck> {
    const operatorId = operatorOf(socket);
    const activityId = (body as { activityId?: unknown } | null)?.activityId;
    if (!operatorId || typeof activityId !== 'string') {
      return { ok: false, code: 'invalid_request', message: 'Send {activityId} of a login' };
    }

    return this.viewers.attach(activityId, operatorId, socket);
  }

  @SubscribeMessage(WORKFLOW_LIVE_EVENTS.loginInput)
  async input(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<InputAck> {
    const operatorId = operatorOf(socket);
    const message = body as { activityId?: unknown; input?: unknown } | null;
    const input = toPageInput(message?.input);
    if (!operatorId || typeof message?.activityId !== 'string' || !input) {
      return { ok: false, code: 'invalid_input', message: 'Unknown or malformed input' };
    }

    return this.viewers.input(message.activityId, operatorId, socket.id, message.input);
  }
}
