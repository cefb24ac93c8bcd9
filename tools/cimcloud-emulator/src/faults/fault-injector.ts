import type { FaultSpec } from './fault-spec';

interface ArmedFault {
  id: number;
  spec: FaultSpec;
  left: number;
}

/** Holds armed faults; each matching call consumes one use of the first matching fault. */
export class FaultInjector {
  private faults: ArmedFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): number {
    const id = this.nextId++;
    this.faults.push({ id, spec, left: spec.times ?? 1 });
    return id;
  }

  remove(id: number): void {
    this.faults = this.faults.filter((f) => f.id !== id);
  }

  clear(): void {
    this.faults = [];
  }

  pending(): FaultSpec[] {
    return this.faults.map((f) => ({ ...f.spec, times: f.left }));
  }

  take(site: string, method: string, path: string): FaultSpec | undefined {
    const fault = this.faults.find(
      ({ spec }) =>
        (spec.site === undefined || spec.site === site) &&
        (spec.method === undefined || spec.method.toUpperCase() === method) &&
        (spec.pathPrefix === undefined || path.toLowerCase().startsWith(spec.pathPrefix.toLowerCase())),
    );
    if (!fault) return undefined;
    fault.left--;
    if (fault.left <= 0) this.remove(fault.id);
    return fault.spec;
  }
}
