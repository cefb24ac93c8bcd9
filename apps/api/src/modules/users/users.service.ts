import { Injectable } from '@nestjs/common';
import { AddUserResponse, Page, TenantRole, TenantUser } from '@ferry/contracts';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../../core/audit/audit-log';
import { PasswordHasher } from '../../core/auth/password-hasher';
import { newSecretToken } from '../../core/auth/secret-token';
import { cursorAtSql, PageQueryDto, readPage } from '../../core/http/cursor-page';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';

interface MemberRow {
  id: string;
  email: string;
  display_name: string;
  role: TenantRole;
  created_at: Date;
  cursorAt: string;
}

const MEMBER_COLUMNS = `u.id, u.email, u.display_name, m.role, m.created_at, ${cursorAtSql('m.created_at')} as "cursorAt"`;

/** The people of one tenant: memberships, and user accounts created on invitation. */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly passwords: PasswordHasher,
  ) {}

  list(tenant: TenantContext, query: PageQueryDto): Promise<Page<TenantUser>> {
    return this.db.forTenant(tenant, (m) =>
      readPage<MemberRow, TenantUser>(
        query,
        (after, take) =>
          m.query(
            `select ${MEMBER_COLUMNS} from memberships m join users u on u.id = m.user_id
              where m.tenant_id = $4 and ($1::timestamptz is null or (m.created_at, u.id) > ($1::timestamptz, $2::uuid))
              order by m.created_at, u.id limit $3`,
            [after?.createdAt ?? null, after?.id ?? null, take, tenant.tenantId],
          ),
        toTenantUser,
      ),
    );
  }

  /** Adds a person; creates their account with a temporary password if they have none yet. */
  async add(tenant: TenantContext, email: string, displayName: string, role: TenantRole): Promise<AddUserResponse> {
    const temporaryPassword = newSecretToken(12);
    return this.db.run({ tenantId: tenant.tenantId, lookupEmail: email }, async (m) => {
      const existing = (await m.query('select id from users where email_lower = lower($1)', [email])) as Array<{ id: string }>;
      let userId = existing[0]?.id;
      const created = !userId;
      if (!userId) {
        // Hashed only for a new account: a person who already has one keeps their password.
        const passwordHash = await this.passwords.hash(temporaryPassword);
        const user = await m.save(m.create(UserEntity, { email, displayName, passwordHash, mustChangePassword: true }));
        userId = user.id;
      } else if (await m.count(MembershipEntity, { where: { tenantId: tenant.tenantId, userId } })) {
        throw problems.conflict(`${email} is already a member of this tenant.`);
      }
      await m.insert(MembershipEntity, { tenantId: tenant.tenantId, userId, role });
      await recordAudit(m, tenant, { action: 'user.added', targetType: 'user', targetId: userId, details: { email, role, accountCreated: created } });
      return { user: await this.member(m, tenant.tenantId, userId), temporaryPassword: created ? temporaryPassword : null };
    });
  }

  async updateRole(tenant: TenantContext, userId: string, role: TenantRole): Promise<TenantUser> {
    return this.db.forTenant(tenant, async (m) => {
      const membership = await this.lockMembership(m, tenant.tenantId, userId);
      if (membership.role === 'tenant_admin' && role !== 'tenant_admin') await this.assertNotLastAdmin(m, tenant.tenantId);
      await m.update(MembershipEntity, { tenantId: tenant.tenantId, userId }, { role });
      await recordAudit(m, tenant, { action: 'user.role_changed', targetType: 'user', targetId: userId, details: { from: membership.role, to: role } });
      return this.member(m, tenant.tenantId, userId);
    });
  }

  async remove(tenant: TenantContext, userId: string): Promise<void> {
    await this.db.forTenant(tenant, async (m) => {
      const membership = await this.lockMembership(m, tenant.tenantId, userId);
      if (membership.role === 'tenant_admin') await this.assertNotLastAdmin(m, tenant.tenantId);
      await m.delete(MembershipEntity, { tenantId: tenant.tenantId, userId });
      await recordAudit(m, tenant, { action: 'user.removed', targetType: 'user', targetId: userId, details: { role: membership.role } });
    });
  }

  private async lockMembership(m: EntityManager, tenantId: string, userId: string): Promise<MembershipEntity> {
    const membership = await m.findOne(MembershipEntity, { where: { tenantId, userId }, lock: { mode: 'pessimistic_write' } });
    if (!membership) throw problems.notFound('User');
    return membership;
  }

  /** A tenant always keeps someone who can manage it. */
  private async assertNotLastAdmin(m: EntityManager, tenantId: string): Promise<void> {
    const admins = await m.count(MembershipEntity, { where: { tenantId, role: 'tenant_admin' } });
    if (admins <= 1) throw problems.conflict('This is the last tenant admin; make someone else admin first.');
  }

  private async member(m: EntityManager, tenantId: string, userId: string): Promise<TenantUser> {
    const rows = (await m.query(
      `select ${MEMBER_COLUMNS} from memberships m join users u on u.id = m.user_id where m.tenant_id = $1 and u.id = $2`,
      [tenantId, userId],
    )) as MemberRow[];
    return toTenantUser(rows[0]);
  }
}

function toTenantUser(row: MemberRow): TenantUser {
  return { id: row.id, email: row.email, displayName: row.display_name, role: row.role, addedAt: row.created_at.toISOString() };
}
