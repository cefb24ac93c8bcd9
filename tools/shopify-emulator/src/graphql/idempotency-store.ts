/**
 * Remembers @idempotent keys per shop: the parameters' fingerprint and the response of
 * the first execution, so a retry replays it and a reuse with other parameters fails.
 */
export interface IdempotencyRecord {
  fingerprint: string;
  result: unknown;
}

export class IdempotencyStore {
  private readonly records = new Map<string, IdempotencyRecord>();

  get(key: string): IdempotencyRecord | undefined {
    return this.records.get(key);
  }

  remember(key: string, fingerprint: string, result: unknown): void {
    this.records.set(key, { fingerprint, result });
  }
}
