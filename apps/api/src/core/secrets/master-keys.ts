import { createHash } from 'node:crypto';

export interface MasterKey {
  /** Short fingerprint stored next to each wrapped data key: which master key wrapped it. */
  id: string;
  key: Buffer;
}

/**
 * The master key wraps every tenant's data key. `current` wraps new keys; `previous` (set
 * during a rotation) still unwraps keys not yet re-wrapped.
 */
export class MasterKeys {
  readonly current: MasterKey;
  readonly previous: MasterKey | null;

  constructor(current: Buffer, previous: Buffer | null) {
    this.current = toMasterKey(current);
    this.previous = previous ? toMasterKey(previous) : null;
  }

  byId(id: string): MasterKey | null {
    if (id === this.current.id) return this.current;
    if (this.previous && id === this.previous.id) return this.previous;
    return null;
  }
}

function toMasterKey(key: Buffer): MasterKey {
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/** A master key is 32 bytes, given as base64 (44 chars) or hex (64 chars). */
export function parseMasterKey(value: string): Buffer | null {
  const trimmed = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : null;
}
