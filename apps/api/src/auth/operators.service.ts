import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { CreateOperatorRequest, UpdateOperatorRequest } from '@autobuy/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { AuthError, AuthErrorCode } from './auth.error';
import { OperatorEntity } from './entities/operator.entity';
import { LoginSessionsService } from './login-sessions.service';
import { PasswordHasher } from './password-hasher';

@Injectable()
export class OperatorsService {
  constructor(
    @InjectRepository(OperatorEntity) private readonly operators: Repository<OperatorEntity>,
    private readonly hasher: PasswordHasher,
    private readonly sessions: LoginSessionsService,
  ) {}

  list(): Promise<OperatorEntity[]> {
    return this.operators.find({ order: { createdAt: 'ASC' } });
  }

  count(): Promise<number> {
    return this.operators.count();
  }

  async create(request: CreateOperatorRequest): Promise<OperatorEntity> {
    if (await this.operators.existsBy({ login: request.login })) {
      throw new AuthError(
        AuthErrorCode.LoginTaken,
        `An operator "${request.login}" already exists`,
      );
    }

    const now = new Date();

    return this.operators.save(
      this.operators.create({
        id: randomUUID(),
        login: request.login,
        passwordHash: await this.hasher.hash(request.password),
        role: request.role,
        disabled: false,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }

  async update(id: string, request: UpdateOperatorRequest): Promise<OperatorEntity> {
    const operator = await this.operators.findOneBy({ id });
    if (!operator) {
      throw new AuthError(AuthErrorCode.OperatorNotFound, `Operator ${id} does not exist`);
    }

    // `null` passes the optional-field checks like a missing field, so it means "unchanged".
    const role = request.role ?? operator.role;
    const disabled = request.disabled ?? operator.disabled;
    const losesAdmin =
      operator.role === 'admin' && !operator.disabled && (role !== 'admin' || disabled);
    if (losesAdmin && (await this.activeAdminCount()) <= 1) {
      throw new AuthError(
        AuthErrorCode.LastAdmin,
        'This is the last active admin; make another operator admin first',
      );
    }

    operator.role = role;
    operator.disabled = disabled;
    const newPassword = request.password ?? null;
    if (newPassword !== null) {
      operator.passwordHash = await this.hasher.hash(newPassword);
    }
    operator.updatedAt = new Date();
    await this.operators.save(operator);

    // A disabled operator or a changed password must not keep old browsers logged in.
    if (operator.disabled || newPassword !== null) {
      await this.sessions.revokeAllOf(operator.id);
    }

    return operator;
  }

  private activeAdminCount(): Promise<number> {
    return this.operators.countBy({ role: 'admin', disabled: false });
  }
}
