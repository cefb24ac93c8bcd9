import { Injectable } from '@nestjs/common';
import { Scope } from '@ferry/contracts';
import { problems } from '../http/problem';
import { DbContextRunner } from '../tenancy/db-context-runner';
import { parseApiKeyToken } from './api-key-token';
import { ApiKeyPrincipal } from './principal';
import { sameBytes, sha256 } from './secret-token';

interface KeyRow {
  id: string;
  tenant_id: string;
  secret_hash: Buffer;
  scopes: Scope[];
  expired: boolean;
  revoked: boolean;
}

/** Recording every use would write on every request; once a minute is precise enough. */
const LAST_USED_RESOLUTION = '1 minute';

@Injectable()
export class ApiKeyAuthenticator {
  constructor(private readonly db: DbContextRunner) {}

  async authenticate(token: string): Promise<ApiKeyPrincipal> {
    const parsed = parseApiKeyToken(token);
    if (!parsed) throw problems.unauthenticated('The bearer token is not a Ferry API key (expected fry_<prefix>_<secret>).');
    const rows = (await this.db.run({ apiKeyPrefix: parsed.prefix }, (m) =>
      m.query(
        `select id, tenant_id, secret_hash, scopes,
                (expires_at is not null and expires_at <= now()) as expired, (revoked_at is not null) as revoked
           from api_keys where prefix = $1`,
        [parsed.prefix],
      ),
    )) as KeyRow[];
    const key = rows[0];
    if (!key || !sameBytes(key.secret_hash, sha256(parsed.secret))) throw problems.unauthenticated('Unknown API key.');
    if (key.revoked) throw problems.unauthenticated('This API key has been revoked.');
    if (key.expired) throw problems.unauthenticated('This API key has expired.');
    await this.db.run({ tenantId: key.tenant_id }, (m) =>
      m.query(
        `update api_keys set last_used_at = now()
          where id = $1 and (last_used_at is null or last_used_at < now() - interval '${LAST_USED_RESOLUTION}')`,
        [key.id],
      ),
    );
    return { kind: 'api_key', apiKeyId: key.id, tenantId: key.tenant_id, scopes: key.scopes };
  }
}
