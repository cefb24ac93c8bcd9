import { DOCUMENTED_RESOURCES } from './assumed-resources';
import { CimcloudRejectedError } from './cimcloud-errors';
import type { PassthroughOrderPayload } from './passthrough-order-payload';
import type { Transport } from './transport';

export type OrderSendOutcome =
  | { orderNumber: string; result: 'accepted' }
  | { orderNumber: string; result: 'queued' }
  | { orderNumber: string; result: 'rejected'; error: CimcloudRejectedError };

interface RecordProblem {
  record: number;
  field?: string;
  message: string;
}

/** Reads the per-record problems of a refused POST (the 400 body's `errors`, ASSUMED shape). */
function problemsOf(body: unknown): RecordProblem[] {
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return [];
  return body.errors.flatMap((e: unknown): RecordProblem[] => {
    if (typeof e !== 'object' || e === null || !('record' in e) || typeof e.record !== 'number') return [];
    const message = 'message' in e && typeof e.message === 'string' ? e.message : 'rejected';
    const field = 'field' in e && typeof e.field === 'string' && e.field !== '' ? e.field : undefined;
    return [{ record: e.record, field, message }];
  });
}

function messageOf(body: unknown): string {
  return typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string'
    ? body.message
    : 'CIMcloud refused the order';
}

async function sendChunk(transport: Transport, chunk: PassthroughOrderPayload[]): Promise<OrderSendOutcome[]> {
  const outcomes: OrderSendOutcome[] = [];
  let pending = chunk;
  while (pending.length > 0) {
    const res = await transport.send({
      method: 'POST',
      path: DOCUMENTED_RESOURCES.orderPassthrough,
      body: pending,
      auth: true,
      allowBadRequest: true,
    });
    if (res.status !== 400) {
      const queued = typeof res.body === 'object' && res.body !== null && 'action' in res.body && res.body.action === 'DataQueued';
      return [...outcomes, ...pending.map((o) => ({ orderNumber: o.order_number, result: queued ? ('queued' as const) : ('accepted' as const) }))];
    }
    const problems = problemsOf(res.body).filter((p) => p.record >= 1 && p.record <= pending.length);
    if (problems.length === 0) {
      if (pending.length === 1) {
        const order = pending[0];
        return [...outcomes, { orderNumber: order.order_number, result: 'rejected', error: new CimcloudRejectedError(messageOf(res.body), order.order_number, undefined) }];
      }
      // Unattributed refusal of a batch: find the bad record by sending one at a time.
      for (const order of pending) outcomes.push(...(await sendChunk(transport, [order])));
      return outcomes;
    }
    const refused = new Set(problems.map((p) => p.record));
    for (const record of refused) {
      const order = pending[record - 1];
      const own = problems.filter((p) => p.record === record);
      const error = new CimcloudRejectedError(own.map((p) => p.message).join('; '), order.order_number, own[0].field);
      outcomes.push({ orderNumber: order.order_number, result: 'rejected', error });
    }
    // One bad record never blocks the batch: the rest go again.
    pending = pending.filter((_, i) => !refused.has(i + 1));
  }
  return outcomes;
}

/**
 * Sends pass-through orders, `perCall` to a POST. Idempotent by order number: a re-sent
 * order updates the one CIMcloud holds. Later duplicates in the input win.
 */
export async function sendOrders(transport: Transport, orders: PassthroughOrderPayload[], perCall: number): Promise<OrderSendOutcome[]> {
  const unique = [...new Map(orders.map((o) => [o.order_number, o])).values()];
  const outcomes: OrderSendOutcome[] = [];
  for (let i = 0; i < unique.length; i += perCall) outcomes.push(...(await sendChunk(transport, unique.slice(i, i + perCall))));
  return outcomes;
}
