import { DEFAULT_RETRY_POLICY } from './backoff';
import { CIMCLOUD_DEFAULT_LIMITS, RequestBudget } from './request-budget';
import { CimcloudThrottleEvent } from './throttle-observer';
import { Transport } from './transport';

/** Time that only moves when someone sleeps. */
function manualTime() {
  let t = 1_000_000;
  return { clock: { now: () => t }, sleep: async (ms: number) => void (t += ms) };
}

const ok = () => new Response('{}', { status: 200 });
const tooMany = (retryAfter: string) => new Response('{"message":"slow down"}', { status: 429, headers: { 'Retry-After': retryAfter } });

function transportWith(responses: Array<() => Response>, events: CimcloudThrottleEvent[], perSecond = 2): Transport {
  const { clock, sleep } = manualTime();
  const fetch = (async () => {
    const next = responses.shift();
    if (!next) throw new Error('no more scripted responses');
    return next();
  }) as typeof globalThis.fetch;
  const budget = new RequestBudget({ ...CIMCLOUD_DEFAULT_LIMITS, perSecond }, clock, sleep);
  return new Transport(
    {
      baseUrl: 'http://cimcloud.test',
      site: 'acme',
      fetch,
      clock,
      sleep,
      random: () => 0.5,
      retry: DEFAULT_RETRY_POLICY,
      requestTimeoutMs: 1000,
      maxBudgetWaitMs: Infinity,
      onThrottle: (event) => events.push(event),
    },
    budget,
  );
}

describe('Transport throttle observer', () => {
  const validate = { method: 'GET', path: 'validate', auth: false } as const;

  it('reports the waits of calls held back by the call budget', async () => {
    const events: CimcloudThrottleEvent[] = [];
    const transport = transportWith([ok, ok, ok], events, 2);
    await transport.send(validate);
    await transport.send(validate);
    expect(events).toEqual([]);
    await transport.send(validate);
    expect(events).toHaveLength(1);
    expect(events[0].reason).toBe('budget');
    // The third call of a 2/s budget waits out the 1 s window plus the 100 ms margin.
    expect(events[0].waitedMs).toBe(1101);
  });

  it('reports a 429 with its backoff, then the wait for the reset the server announced', async () => {
    const events: CimcloudThrottleEvent[] = [];
    await transportWith([() => tooMany('4'), ok], events, 100).send(validate);
    // First retry: half of the 500 ms base (random 0.5); the budget then waits out the rest of Retry-After.
    expect(events).toEqual([
      { reason: 'rate_limited', waitedMs: 250 },
      { reason: 'budget', waitedMs: 3750 },
    ]);
  });
});
