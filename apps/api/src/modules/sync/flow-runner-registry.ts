import { Injectable } from '@nestjs/common';
import { Flow } from '@ferry/contracts';
import { FlowRunner } from './flow-runner';

/**
 * The flows this build can run. Each flow's module registers its runner; the sync worker
 * consumes the queues of registered flows only, so jobs of a flow not built yet wait on
 * their queue (at most one per tenant) instead of being marked as runs that did nothing.
 */
@Injectable()
export class FlowRunnerRegistry {
  private readonly runners = new Map<Flow, FlowRunner>();

  register(runner: FlowRunner): void {
    if (this.runners.has(runner.flow)) throw new Error(`A runner for the ${runner.flow} flow is already registered.`);
    this.runners.set(runner.flow, runner);
  }

  /** Puts another runner in a flow's place (tests and benchmarks measure the machinery without the real flow). */
  replace(runner: FlowRunner): void {
    this.runners.set(runner.flow, runner);
  }

  get(flow: Flow): FlowRunner | undefined {
    return this.runners.get(flow);
  }

  all(): FlowRunner[] {
    return [...this.runners.values()];
  }
}
