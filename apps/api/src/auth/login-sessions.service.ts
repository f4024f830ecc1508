import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthError, AuthErrorCode } from './auth.error';
import { LoginSessionEntity } from './entities/login-session.entity';
import { OperatorEntity } from './entities/operator.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { randomToken, sha256Hex } from './secrets';

// Writing lastSeenAt on every request would turn each read into a write.
const TOUCH_INTERVAL_MS = 60_000;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface StartedSession {
  token: string;
  session: LoginSessionEntity;
  operator: OperatorEntity;
}

@Injectable()
export class LoginSessionsService {
  constructor(
    @InjectRepository(LoginSessionEntity)
    private readonly sessions: Repository<LoginSessionEntity>,
    @InjectRepository(OperatorEntity) private readonly operators: Repository<OperatorEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(login: string, password: string, client: ClientInfo): Promise<StartedSession> {
    const wait = await this.throttle.retryAfterSeconds(login, client.ip);
    if (wait > 0) {
      throw AuthError.tooManyAttempts(wait);
    }

    const operator = await this.operators.findOneBy({ login });
    const valid = await this.hasher.verify(operator?.passwordHash ?? null, password);
    if (!operator || !valid || operator.disabled) {
      await this.throttle.recordFailure(login, client.ip);
      throw new AuthError(AuthErrorCode.InvalidCredentials, 'Wrong login or password');
    }

    await this.throttle.reset(login, client.ip);
    const token = randomToken();
    const now = new Date();
    const session = await this.sessions.save(
      this.sessions.create({
        id: randomUUID(),
        operatorId: operator.id,
        tokenHash: sha256Hex(token),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessionTtlHours * 3600_000),
        revokedAt: null,
        ip: client.ip,
        userAgent: client.userAgent,
      }),
    );

    return { token, session, operator };
  }

  /** The live session and its operator for a cookie token, or null. */
  async authenticate(
    token: string,
  ): Promise<{ session: LoginSessionEntity; operator: OperatorEntity } | null> {
    // Every request of an operator passes here: one query for the session and its operator.
    const session = (await this.sessions
      .createQueryBuilder('s')
      .innerJoinAndMapOne('s.operator', OperatorEntity, 'o', 'o.id = s.operator_id')
      .where('s.token_hash = :hash', { hash: sha256Hex(token) })
      .getOne()) as (LoginSessionEntity & { operator: OperatorEntity }) | null;
    const now = new Date();
    if (!session || session.revokedAt !== null || session.expiresAt <= now) {
      return null;
    }

    const operator = session.operator;
    if (operator.disabled) {
      return null;
    }

    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      session.lastSeenAt = now;
      await this.sessions.update({ id: session.id }, { lastSeenAt: now });
    }

    return { session, operator };
  }

  async list(): Promise<Array<{ session: LoginSessionEntity; login: string }>> {
    const sessions = await this.sessions.find({ order: { lastSeenAt: 'DESC' }, take: 500 });
    const operators = await this.operators.find();
    const logins = new Map(operators.map((o) => [o.id, o.login]));
    const now = new Date();
    const active = (s: LoginSessionEntity): number =>
      s.revokedAt === null && s.expiresAt > now ? 0 : 1;

    return sessions
      .sort((a, b) => active(a) - active(b))
      .map((session) => ({ session, login: logins.get(session.operatorId) ?? '?' }));
  }

  async revoke(id: string): Promise<LoginSessionEntity> {
    const session = await this.sessions.findOneBy({ id });
    if (!session) {
      throw new AuthError(AuthErrorCode.SessionNotFound, `Login session ${id} does not exist`);
    }

    if (session.revokedAt === null) {
      session.revokedAt = new Date();
      await this.sessions.update({ id }, { revokedAt: session.revokedAt });
    }

    return session;
  }

  async revokeAllOf(operatorId: string): Promise<void> {
    await this.sessions.update({ operatorId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
