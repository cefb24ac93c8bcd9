import { Injectable } from '@nestjs/common';
import { EffectiveRole, MeResponse, TenantMembershipSummary } from '@ferry/contracts';
import { LoginThrottle } from '../../core/auth/login-throttle.service';
import { PasswordHasher } from '../../core/auth/password-hasher';
import { UserPrincipal } from '../../core/auth/principal';
import { SessionService } from '../../core/auth/session.service';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_platform_operator: boolean;
  must_change_password: boolean;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly throttle: LoginThrottle,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionService,
  ) {}

  async login(email: string, password: string, ip: string, userAgent: string | null): Promise<{ token: string; expiresAt: Date; me: MeResponse }> {
    await this.throttle.assertAllowed(email, ip);
    const user = await this.findByEmail(email);
    const valid = user ? await this.passwords.verify(user.password_hash, password) : await this.passwords.verifyNothing(password);
    await this.throttle.record(email, ip, valid);
    if (!user || !valid) throw problems.unauthenticated('Email or password is wrong.');
    const session = await this.sessions.create(user.id, ip, userAgent);
    return { ...session, me: await this.me(user.id) };
  }

  async me(userId: string): Promise<MeResponse> {
    const user = await this.findById(userId);
    if (!user) throw problems.unauthenticated();
    return {
      user: {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        isPlatformOperator: user.is_platform_operator,
        mustChangePassword: user.must_change_password,
      },
      tenants: await this.tenantsOf(user.id, user.is_platform_operator),
    };
  }

  async changePassword(principal: UserPrincipal, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.findById(principal.userId);
    if (!user || !(await this.passwords.verify(user.password_hash, currentPassword))) {
      throw problems.badRequest('is wrong', 'currentPassword');
    }
    if (currentPassword === newPassword) throw problems.badRequest('must differ from the current password', 'newPassword');
    const hash = await this.passwords.hash(newPassword);
    await this.db.run({ userId: user.id }, (m) =>
      m.query('update users set password_hash = $2, must_change_password = false, updated_at = now() where id = $1', [user.id, hash]),
    );
    await this.sessions.revokeOthers(user.id, principal.sessionId);
  }

  private async findByEmail(email: string): Promise<UserRow | undefined> {
    const rows = (await this.db.run({ lookupEmail: email }, (m) => m.query('select * from users where email_lower = lower($1)', [email]))) as UserRow[];
    return rows[0];
  }

  private async findById(userId: string): Promise<UserRow | undefined> {
    const rows = (await this.db.run({ userId }, (m) => m.query('select * from users where id = $1', [userId]))) as UserRow[];
    return rows[0];
  }

  /** Operators can act in every tenant; everyone else in the tenants they are members of. */
  private async tenantsOf(userId: string, isPlatformOperator: boolean): Promise<TenantMembershipSummary[]> {
    const rows = (await this.db.run({ userId, platformOperator: isPlatformOperator }, (m) =>
      m.query(
        `select t.id, t.name, t.slug, m.role
           from tenants t left join memberships m on m.tenant_id = t.id and m.user_id = $1
          where m.user_id is not null or $2
          order by t.name, t.id`,
        [userId, isPlatformOperator],
      ),
    )) as Array<{ id: string; name: string; slug: string; role: EffectiveRole | null }>;
    return rows.map((r) => ({ tenantId: r.id, tenantName: r.name, tenantSlug: r.slug, role: r.role ?? 'platform_operator' }));
  }
}
