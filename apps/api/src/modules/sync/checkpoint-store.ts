import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * A flow's cursor per tenant. It is written only inside the transaction that writes the
 * ledger rows it covers (DESIGN §6), so a crash can never move it past unrecorded work.
 */
@Injectable()
export class CheckpointStore {
  /** `key` is the flow, or a flow-scoped name for a second cursor of it (e.g. `orders.imports`). */
  async read<Cursor extends object>(m: EntityManager, tenantId: string, key: string): Promise<Cursor | null> {
    const rows = (await m.query('select cursor from checkpoints where tenant_id = $1 and flow = $2', [tenantId, key])) as Array<{ cursor: Cursor }>;
    return rows[0]?.cursor ?? null;
  }

  async write(m: EntityManager, tenantId: string, key: string, cursor: object): Promise<void> {
    await m.query(
      `insert into checkpoints (tenant_id, flow, cursor, updated_at) values ($1, $2, $3::jsonb, now())
       on conflict (tenant_id, flow) do update set cursor = excluded.cursor, updated_at = now()`,
      [tenantId, key, JSON.stringify(cursor)],
    );
  }
}
