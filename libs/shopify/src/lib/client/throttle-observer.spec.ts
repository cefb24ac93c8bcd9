import { Clock, FetchLike } from './runtime-deps';
import { ShopifyGraphqlClient } from './shopify-graphql-client';
import { ShopifyThrottleEvent } from './throttle-observer';

/** A clock that only moves when someone sleeps. */
class ManualClock implements Clock {
  t = 0;
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.t += ms;
  }
}

const bucket = (currentlyAvailable: number) => ({
  cost: { requestedQueryCost: 100, throttleStatus: { maximumAvailable: 1000, currentlyAvailable, restoreRate: 50 } },
});
const ok = (currentlyAvailable = 1000) => new Response(JSON.stringify({ data: { shop: { name: 'acme' } }, extensions: bucket(currentlyAvailable) }), { status: 200 });
const throttled = () => new Response(JSON.stringify({ errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }], extensions: bucket(0) }), { status: 200 });
const tooMany = (retryAfter: string) => new Response('', { status: 429, headers: { 'Retry-After': retryAfter } });

/** A fetch answering the scripted responses in order. */
function scripted(responses: Array<() => Response>): FetchLike {
  return async () => {
    const next = responses.shift();
    if (!next) throw new Error('no more scripted responses');
    return next();
  };
}

function clientWith(responses: Array<() => Response>, events: ShopifyThrottleEvent[], clock = new ManualClock()): ShopifyGraphqlClient {
  return new ShopifyGraphqlClient({
    shopDomain: 'acme.myshopify.com',
    credentials: { kind: 'static', accessToken: 'shpat_test' },
    fetch: scripted(responses),
    clock,
    random: () => 0.5,
    onThrottle: (event) => events.push(event),
  });
}

describe('ShopifyGraphqlClient throttle observer', () => {
  it('reports the wait after a THROTTLED answer', async () => {
    const events: ShopifyThrottleEvent[] = [];
    await clientWith([throttled, ok], events).request('{ shop { name } }');
    // 100 points at 50/s from an empty bucket: 2 s, plus the 5 ms margin.
    expect(events).toEqual([{ reason: 'throttled', waitedMs: 2005 }]);
  });

  it('reports the Retry-After wait of an HTTP 429', async () => {
    const events: ShopifyThrottleEvent[] = [];
    await clientWith([() => tooMany('3'), ok], events).request('{ shop { name } }');
    expect(events).toEqual([{ reason: 'rate_limited', waitedMs: 3000 }]);
  });

  it('reports a wait before sending when the bucket cannot cover the next request', async () => {
    const events: ShopifyThrottleEvent[] = [];
    const client = clientWith([() => ok(40), ok], events);
    await client.request('{ shop { name } }');
    expect(events).toEqual([]);
    await client.request('{ shop { name } }');
    expect(events).toHaveLength(1);
    expect(events[0].reason).toBe('bucket');
    // 60 points missing at 50/s: 1.2 s, plus the margin.
    expect(events[0].waitedMs).toBe(1205);
  });

  it('reports nothing when no request waits, and survives an observer that throws', async () => {
    const events: ShopifyThrottleEvent[] = [];
    await clientWith([ok, ok], events).request('{ shop { name } }');
    expect(events).toEqual([]);
    const failing = new ShopifyGraphqlClient({
      shopDomain: 'acme.myshopify.com',
      credentials: { kind: 'static', accessToken: 'shpat_test' },
      fetch: scripted([throttled, ok]),
      clock: new ManualClock(),
      onThrottle: () => {
        throw new Error('bookkeeping broke');
      },
    });
    await expect(failing.request<{ shop: { name: string } }>('{ shop { name } }')).resolves.toEqual({ shop: { name: 'acme' } });
  });
});
