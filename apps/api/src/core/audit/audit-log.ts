import { EntityManager } from 'typeorm';
import { TenantContext } from '../tenancy/tenant-context';

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string | null;
  /** Never secrets: names, roles, scopes, ids. */
  details?: Record<string, unknown>;
}

/** Writes who changed what in the same transaction as the change itself. */
export async function recordAudit(manager: EntityManager, tenant: TenantContext, event: AuditEvent): Promise<void> {
  await manager.query(
    `insert into audit_log (tenant_id, actor_user_id, actor_api_key_id, action, target_type, target_id, details, ip, request_id)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [
      tenant.tenantId,
      tenant.actor.userId,
      tenant.actor.apiKeyId,
      event.action,
      event.targetType,
      event.targetId,
      JSON.stringify(event.details ?? {}),
      tenant.ip,
      tenant.requestId,
    ],
  );
}
