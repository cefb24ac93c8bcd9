import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { AuthGuard } from './auth.guard';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';
import { TenantResolver } from './tenant-resolver';

/** Authentication and access checks for every route (the guard is global). */
@Global()
@Module({
  providers: [
    ApiKeyAuthenticator,
    SessionService,
    TenantResolver,
    LoginThrottle,
    PasswordHasher,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionService, LoginThrottle, PasswordHasher],
})
export class AuthCoreModule {}
