import { Injectable } from '@nestjs/common';
import { FerryConfig } from '../config/ferry-config';
import { DbContextRunner } from '../tenancy/db-context-runner';
import { UserPrincipal } from './principal';
import { newSecretToken, sha256 } from './secret-token';

/** Sessions never outlive this, however active. */
const ABSOLUTE_LIFETIME_DAYS = 7;

interface SessionRow {
  id: string;
  user_id: string;
  email: string;
  is_platform_operator: boolean;
}

/**
 * Server-side sessions behind an HTTP-only cookie. The cookie holds a 256-bit random token;
 * the database holds only its SHA-256, so a database leak yields no usable session.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly config: FerryConfig,
  ) {}

  async create(userId: string, ip: string | null, userAgent: string | null): Promise<{ token: string; expiresAt: Date }> {
    const token = newSecretToken();
    const sessionHash = sha256(token).toString('hex');
    const rows = await this.db.run({ userId, sessionHash }, (m) =>
      m.query(
        `insert into sessions (token_hash, user_id, expires_at, ip, user_agent)
         values (decode($1, 'hex'), $2, now() + make_interval(hours => $3), $4, $5) returning expires_at`,
        [sessionHash, userId, this.config.SESSION_TTL_HOURS, ip, userAgent?.slice(0, 300) ?? null],
      ),
    );
    return { token, expiresAt: (rows as Array<{ expires_at: Date }>)[0].expires_at };
  }

  /** The signed-in person for a cookie token, sliding the idle expiry; null when unknown or expired. */
  async resolve(token: string): Promise<UserPrincipal | null> {
    const sessionHash = sha256(token).toString('hex');
    return this.db.run({ sessionHash }, async (m) => {
      const sessions = (await m.query(
        `select id, user_id, last_seen_at < now() - interval '1 minute' as stale from sessions where token_hash = decode($1, 'hex') and expires_at > now()`,
        [sessionHash],
      )) as Array<{ id: string; user_id: string; stale: boolean }>;
      const session = sessions[0];
      if (session?.stale) {
        // Sliding expiry, written at most once a minute: not a write on every request.
        await m.query(
          `update sessions set last_seen_at = now(),
             expires_at = least(now() + make_interval(hours => $2), created_at + make_interval(days => $3))
           where id = $1`,
          [session.id, this.config.SESSION_TTL_HOURS, ABSOLUTE_LIFETIME_DAYS],
        );
      }
      if (!session) return null;
      await m.query(`select set_config('app.user_id', $1, true)`, [session.user_id]);
      const users = (await m.query('select id, email, is_platform_operator from users where id = $1', [session.user_id])) as SessionRow[];
      const user = users[0];
      if (!user) return null;
      return { kind: 'user', userId: user.id, email: user.email, isPlatformOperator: user.is_platform_operator, sessionId: session.id };
    });
  }

  async revoke(token: string): Promise<void> {
    const sessionHash = sha256(token).toString('hex');
    await this.db.run({ sessionHash }, (m) => m.query(`delete from sessions where token_hash = decode($1, 'hex')`, [sessionHash]));
  }

  /** After a password change: every other session of the person ends. */
  async revokeOthers(userId: string, keepSessionId: string): Promise<void> {
    await this.db.run({ userId }, (m) => m.query('delete from sessions where user_id = $1 and id <> $2', [userId, keepSessionId]));
  }
}
