import { FetchLike } from '../lib/client/runtime-deps';
import {
  ShopifyClientConfig,
  ShopifyGraphqlClient,
} from '../lib/client/shopify-graphql-client';
import { EmulatorProcess, EmulatorShop } from './emulator-process';
import { ScaledClock } from './scaled-clock';

/** An emulator process plus connector clients whose clock runs at the emulator's speed. */
export interface Harness {
  emulator: EmulatorProcess;
  clock: ScaledClock;
  shop(
    name: string,
    plan?: 'STANDARD' | 'ADVANCED' | 'PLUS' | 'ENTERPRISE',
  ): Promise<EmulatorShop>;
  client(
    shop: EmulatorShop,
    overrides?: Partial<ShopifyClientConfig>,
  ): ShopifyGraphqlClient;
  close(): Promise<void>;
}

export async function startHarness(
  timeScale = 1,
  options: { clientCredentialsTtlSeconds?: number } = {},
): Promise<Harness> {
  const env: Record<string, string> = { TIME_SCALE: String(timeScale) };
  if (options.clientCredentialsTtlSeconds)
    env['CLIENT_CREDENTIALS_TTL_SECONDS'] = String(
      options.clientCredentialsTtlSeconds,
    );
  const emulator = await EmulatorProcess.start(env);
  const clock = new ScaledClock(timeScale);
  return {
    emulator,
    clock,
    shop: (name, plan = 'STANDARD') =>
      emulator.createShop({ shop: name, plan }),
    client: (shop, overrides = {}) =>
      new ShopifyGraphqlClient({
        shopDomain: shop.domain,
        // The only difference from production: the base URL.
        adminBaseUrl: `${emulator.url}/shops/${shop.domain}`,
        credentials: {
          kind: 'static',
          accessToken: shop.app.accessToken ?? '',
        },
        clock,
        baseBackoffMs: 50,
        maxBackoffMs: 500,
        ...overrides,
      }),
    close: () => emulator.stop(),
  };
}

/** Wraps fetch to count calls whose URL contains `fragment`. */
export function countingFetch(
  counts: Map<string, number>,
  fragment: string,
  inner: FetchLike = (i, init) => fetch(i, init),
): FetchLike {
  return (input, init) => {
    if (input.includes(fragment))
      counts.set(fragment, (counts.get(fragment) ?? 0) + 1);
    return inner(input, init);
  };
}
