import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MeResponse, SESSION_COOKIE } from '@ferry/contracts';
import type { Response } from 'express';
import { Public, SignedIn } from '../../core/auth/access-rule';
import { CurrentPrincipal } from '../../core/auth/current-tenant.decorator';
import { FerryRequest, Principal } from '../../core/auth/principal';
import { SessionService } from '../../core/auth/session.service';
import { FerryConfig } from '../../core/config/ferry-config';
import { problems } from '../../core/http/problem';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly config: FerryConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; sets the HTTP-only session cookie' })
  async login(@Body() body: LoginDto, @Req() request: FerryRequest, @Res({ passthrough: true }) response: Response): Promise<MeResponse> {
    const { token, expiresAt, me } = await this.auth.login(body.email, body.password, request.ip ?? 'unknown', request.header('user-agent') ?? null);
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.FERRY_PUBLIC_URL?.startsWith('https://') ?? false,
      path: '/',
      expires: expiresAt,
    });
    return me;
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session' })
  async logout(@Req() request: FerryRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token) await this.sessions.revoke(token);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in person and the tenants they can act in' })
  me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    if (principal.kind !== 'user') throw problems.forbidden('API keys act for a tenant, not a person: there is no "me".');
    return this.auth.me(principal.userId);
  }

  @Post('password')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password; ends your other sessions' })
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    if (principal.kind !== 'user') throw problems.forbidden('API keys have no password.');
    await this.auth.changePassword(principal, body.currentPassword, body.newPassword);
  }
}
