import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { type ProviderCode, PROVIDER_CODES } from '@autobuy/contracts';
import type { LoginEvent } from '@autobuy/provider-adapters';

import {
  ACTIVITIES_ENGINE,
  type ActivitiesEngine,
  type ActivityHandler,
  defineHandler,
  finish,
  type StepContext,
} from '../activities';
import { LoginHost } from './login-host';
import { ProviderAccess } from './provider-access';
import { SessionRecords } from './session-records';

const CANCEL_POLL_MS = 1_000;

interface LoginState {
  provider: ProviderCode;
  operatorId: string;
}

function readInput(input: Record<string, unknown>): LoginState {
  const provider = input['provider'];
  const operatorId = input['operatorId'];
  if (!PROVIDER_CODES.includes(provider as ProviderCode) || typeof operatorId !== 'string') {
    throw new Error('A login activity needs a provider and the operator who started it');
  }

  return { provider: provider as ProviderCode, operatorId };
}

/**
 * The `login` activity: opens the provider's login page in a fresh browser context, relays it
 * to the popup of the operator who started it, and binds the logged-in nickname to an account.
 * A crash mid-login runs the step again: the popup attaches to a fresh login page.
 */
@Injectable()
export class LoginHandler {
  private readonly logger = new Logger('LoginHandler');
  readonly handler: ActivityHandler;

  constructor(
    private readonly access: ProviderAccess,
    private readonly records: SessionRecords,
    private readonly relay: LoginHost,
    private readonly modules: ModuleRef,
  ) {
    this.handler = defineHandler<LoginState>({
      kind: 'login',
      firstStep: 'login',
      initialState: readInput,
      steps: { login: (ctx) => this.login(ctx) },
    });
  }

  private async login(ctx: StepContext<LoginState>) {
    const { provider, operatorId } = ctx.state;
    const activityId = ctx.activity.id;
    // The account is unknown until the provider shows the nickname; the context is the login's.
    const stream = await this.access
      .adapterFor(provider)
      .startLogin({ accountId: `login-${activityId}`, login: '' });
    await this.relay.register(activityId, operatorId, stream);
    await ctx.log(`The ${provider} login page is open; waiting for the operator`);
    const stop = stream.onEvent((event: LoginEvent) => {
      if (event.type === 'challenge_shown') {
        this.relay.status(activityId, { status: 'challenge', kind: event.kind });
        ctx.log(`The provider asks for a ${event.kind} challenge`).catch((error: unknown) => {
          this.logger.warn(`Could not log the challenge of ${activityId}: ${String(error)}`);
        });
      }
    });

    const cancelled = this.watchCancel(activityId);
    try {
      const outcome = await Promise.race([stream.outcome, cancelled.promise]);
      if (outcome === 'cancelled') {
        const reason = 'The operator cancelled the login';
        this.relay.finish(activityId, { status: 'failed', reason });

        return finish<LoginState>('aborted', reason);
      }
      if (!outcome.ok) {
        this.relay.finish(activityId, { status: 'failed', reason: outcome.reason });

        return finish<LoginState>('failed', outcome.reason);
      }

      const result = await this.records.completeLogin(provider, outcome.nickname, outcome.session);
      if (!result.ok) {
        this.relay.finish(activityId, {
          status: 'failed',
          nickname: outcome.nickname,
          reason: result.reason,
        });

        return finish<LoginState>('failed', result.reason);
      }

      this.relay.finish(activityId, {
        status: 'logged_in',
        nickname: outcome.nickname,
        sessionId: result.session.id,
      });
      await ctx.log(`Logged in as ${outcome.nickname}`, { sessionId: result.session.id });

      return finish<LoginState>('succeeded');
    } finally {
      cancelled.stop();
      stop();
      this.relay.finish(activityId, { status: 'failed', reason: 'The login window closed' });
      await stream.close();
    }
  }

  /**
   * The runner sees a cancel only between steps, and a login waits on the operator for minutes,
   * so the step itself watches the flag and closes the page when it is set.
   */
  private watchCancel(activityId: string): { promise: Promise<'cancelled'>; stop: () => void } {
    // Resolved lazily: the engine is built from this handler, so it cannot be injected here.
    const engine = this.modules.get<ActivitiesEngine>(ACTIVITIES_ENGINE, { strict: false });
    let timer: NodeJS.Timeout | undefined;
    const promise = new Promise<'cancelled'>((resolve) => {
      timer = setInterval(() => {
        engine.store.find(activityId).then(
          (activity) => {
            if (activity?.cancelRequested) {
              resolve('cancelled');
            }
          },
          (error: unknown) => this.logger.warn(`Cancel check of ${activityId}: ${String(error)}`),
        );
      }, CANCEL_POLL_MS);
    });

    return { promise, stop: () => clearInterval(timer) };
  }
}
