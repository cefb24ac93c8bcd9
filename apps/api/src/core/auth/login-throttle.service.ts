import { Injectable } from '@nestjs/common';
import { FerryConfig } from '../config/ferry-config';
import { problems } from '../http/problem';
import { DbContextRunner } from '../tenancy/db-context-runner';

/**
 * Failed logins are counted in the database, so the limits hold across any number of API
 * processes: per email address (since its last success) and per client address.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly db: DbContextRunner,
    private readonly config: FerryConfig,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const lookupEmail = email.toLowerCase();
    const rows = (await this.db.run({ lookupEmail, clientIp: ip }, (m) =>
      m.query(
        `with recent as (
           select * from login_attempts
            where attempted_at > now() - make_interval(mins => $3) and (email_lower = $1 or ip = $2)
         ), last_success as (
           select max(attempted_at) as at from recent where email_lower = $1 and succeeded
         )
         select
           (select count(*) from recent, last_success
              where email_lower = $1 and not succeeded and (last_success.at is null or attempted_at > last_success.at))::int as email_failures,
           (select count(*) from recent where ip = $2 and not succeeded)::int as ip_failures,
           extract(epoch from (select min(attempted_at) from recent where not succeeded) + make_interval(mins => $3) - now())::float as retry_after`,
        [lookupEmail, ip, this.config.LOGIN_WINDOW_MINUTES],
      ),
    )) as Array<{ email_failures: number; ip_failures: number; retry_after: number | null }>;
    const { email_failures, ip_failures, retry_after } = rows[0];
    if (email_failures >= this.config.LOGIN_MAX_FAILURES || ip_failures >= this.config.LOGIN_MAX_FAILURES_PER_IP) {
      throw problems.tooManyRequests('Too many failed sign-in attempts. Wait before trying again.', retry_after ?? 60);
    }
  }

  async record(email: string, ip: string, succeeded: boolean): Promise<void> {
    const lookupEmail = email.toLowerCase();
    await this.db.run({ lookupEmail, clientIp: ip }, (m) =>
      m.query('insert into login_attempts (email_lower, ip, succeeded) values ($1, $2, $3)', [lookupEmail, ip, succeeded]),
    );
  }
}
