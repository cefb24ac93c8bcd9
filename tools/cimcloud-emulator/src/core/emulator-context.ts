import type { TokenService } from '../auth/token-service';
import type { FaultInjector } from '../faults/fault-injector';
import type { RateLimiter } from '../limits/rate-limiter';
import type { OrderPipeline } from '../passthrough/order-pipeline';
import type { SiteState } from '../sites/site-state';
import type { EmulatorClock } from './clock';
import type { TimerSet } from './timer-set';

/** The shared parts of one running emulator, handed to routes and the control API. */
export interface EmulatorContext {
  clock: EmulatorClock;
  timers: TimerSet;
  sites: Map<string, SiteState>;
  tokens: TokenService;
  limiter: RateLimiter;
  faults: FaultInjector;
  pipeline: OrderPipeline;
}
