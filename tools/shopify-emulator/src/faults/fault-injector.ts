/** Faults the control API can inject into Admin API requests (GraphQL and OAuth). */
export type FaultRule =
  | { kind: 'status'; status: number; count?: number; shop?: string }
  | { kind: 'reset'; count?: number; shop?: string }
  /** Executes the request, then drops the connection without answering. */
  | { kind: 'lostResponse'; count?: number; shop?: string }
  | { kind: 'latency'; latencyMs: number; count?: number; shop?: string }
  | { kind: 'throttle'; count?: number; shop?: string };

interface ActiveRule {
  id: number;
  rule: FaultRule;
  remaining: number;
}

export interface FaultPlan {
  latencyMs: number;
  /** The one terminal fault for this request, if any. */
  terminal: Exclude<FaultRule, { kind: 'latency' }> | null;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  /** Adds a rule; `count` defaults to 1, use Infinity (or -1 over HTTP) for "until cleared". */
  add(rule: FaultRule): number {
    const count =
      rule.count === undefined ? 1 : rule.count < 0 ? Infinity : rule.count;
    const id = this.nextId++;
    this.rules.push({ id, rule, remaining: count });
    return id;
  }

  clear(): void {
    this.rules = [];
  }

  list(): { id: number; rule: FaultRule; remaining: number }[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Consumes the faults that apply to one request to `shopDomain`. */
  take(shopDomain: string): FaultPlan {
    let latencyMs = 0;
    let terminal: FaultPlan['terminal'] = null;
    for (const active of this.rules) {
      if (active.remaining <= 0) continue;
      if (active.rule.shop && active.rule.shop !== shopDomain) continue;
      if (active.rule.kind === 'latency') {
        latencyMs += active.rule.latencyMs;
        active.remaining -= 1;
      } else if (!terminal) {
        terminal = active.rule;
        active.remaining -= 1;
      }
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return { latencyMs, terminal };
  }
}
