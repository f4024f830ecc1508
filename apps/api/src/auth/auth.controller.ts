import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SESSION_COOKIE, type LoginSessionDto, type MeDto } from '@autobuy/contracts';
import type { Request, Response } from 'express';

import { AuthError, AuthErrorCode } from './auth.error';
import { ADMIN_ONLY, ANY_ROLE, CurrentPrincipal, Public, Roles } from './decorators';
import { LoginDto } from './dto/login.dto';
import { LoginSessionsService } from './login-sessions.service';
import { toLoginSessionDto, toOperatorDto } from './mappers';
import { type AuthenticatedRequest, clientIp, type Principal, userAgent } from './principal';

const ME_EXAMPLE: MeDto = {
  operator: {
    id: '0b8f6c1e-3f0a-4c53-9d55-0d7f3b2a9e10',
    login: 'admin',
    role: 'admin',
    disabled: false,
    createdAt: '2026-12-01T09:00:00.000Z',
  },
  sessionId: '5d2b8a4e-1c9f-4f7e-8a36-2b1d0c9e7f41',
};

function operatorOf(principal: Principal): Extract<Principal, { kind: 'operator' }> {
  if (principal.kind !== 'operator') {
    throw new AuthError(AuthErrorCode.Forbidden, 'Only a logged-in operator has a login session');
  }

  return principal;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly sessions: LoginSessionsService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in; sets the httpOnly session cookie' })
  @ApiOkResponse({ schema: { example: ME_EXAMPLE } })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeDto> {
    const started = await this.sessions.login(body.login, body.password, {
      ip: clientIp(request),
      userAgent: userAgent(request),
    });
    // Lets the audit row of this login name the operator who logged in.
    (request as AuthenticatedRequest).principal = {
      kind: 'operator',
      operator: started.operator,
      session: started.session,
    };
    response.cookie(SESSION_COOKIE, started.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: '/',
      expires: started.session.expiresAt,
    });

    return { operator: toOperatorDto(started.operator), sessionId: started.session.id };
  }

  @Post('logout')
  @HttpCode(204)
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Log out; the session is revoked on the server' })
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.sessions.revoke(operatorOf(principal).session.id);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Roles(...ANY_ROLE)
  @ApiOkResponse({ schema: { example: ME_EXAMPLE } })
  me(@CurrentPrincipal() principal: Principal): MeDto {
    const { operator, session } = operatorOf(principal);

    return { operator: toOperatorDto(operator), sessionId: session.id };
  }

  @Get('sessions')
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Login sessions of every operator, active first' })
  async listSessions(): Promise<LoginSessionDto[]> {
    const sessions = await this.sessions.list();

    return sessions.map(({ session, login }) => toLoginSessionDto(session, login));
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Revoke a login session (its browser is logged out)' })
  async revokeSession(@Param('id') id: string): Promise<void> {
    await this.sessions.revoke(id);
  }
}
