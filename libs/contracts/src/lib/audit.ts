/** One change, as the tenant's audit log shows it. Never contains secrets. */
export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  targetType: string;
  targetId: string | null;
  actor: { userId: string | null; email: string | null; apiKeyId: string | null };
  details: Record<string, unknown>;
  ip: string | null;
}
