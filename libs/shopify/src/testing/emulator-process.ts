import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The Shopify emulator as a separate process, driven over HTTP only: the connector
 * talks to it exactly as to Shopify and imports nothing of it (connector boundaries).
 */
export interface EmulatorShop {
  domain: string;
  graphqlUrl: string;
  tokenUrl: string;
  app: {
    appId: number;
    clientId: string;
    clientSecret: string;
    scopes: string[];
    accessToken: string | null;
  };
}

export type EmulatorFault =
  | { kind: 'status'; status: number; count?: number; shop?: string }
  | {
      kind: 'reset' | 'lostResponse' | 'throttle';
      count?: number;
      shop?: string;
    }
  | { kind: 'latency'; latencyMs: number; count?: number; shop?: string };

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

export class EmulatorProcess {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(
    env: Record<string, string> = {},
  ): Promise<EmulatorProcess> {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/shopify-emulator/src/main.ts'],
      {
        cwd: WORKSPACE_ROOT,
        env: { ...process.env, PORT: '0', SEED_SHOPS: '', ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`emulator did not start: ${out}`)),
        30_000,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolveUrl(match[1]);
        }
      });
      child.once('exit', (code) =>
        reject(new Error(`emulator exited with ${code}: ${out}`)),
      );
    });
    return new EmulatorProcess(url, child);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await new Promise<void>((done) => {
      this.child.once('exit', () => done());
      this.child.kill('SIGTERM');
    });
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await fetch(`${this.url}/_emulator${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as T & { error?: string };
    if (!response.ok)
      throw new Error(
        `emulator control ${path}: ${json.error ?? response.status}`,
      );
    return json;
  }

  createShop(input: {
    shop: string;
    plan?: string;
    scopes?: string[];
  }): Promise<EmulatorShop> {
    return this.call('POST', '/shops', input);
  }

  installApp(
    shop: string,
    input: { scopes?: string[]; staticToken?: boolean },
  ): Promise<EmulatorShop['app']> {
    return this.call('POST', `/shops/${shop}/apps`, input);
  }

  addLocation(
    shop: string,
    input: { name: string; isActive?: boolean },
  ): Promise<{ locationId: string }> {
    return this.call('POST', `/shops/${shop}/locations`, input);
  }

  addProduct(
    shop: string,
    input: { title: string; variants: { sku?: string; price?: string }[] },
  ): Promise<{
    productId: string;
    variants: {
      variantId: string;
      inventoryItemId: string;
      sku: string | null;
    }[];
  }> {
    return this.call('POST', `/shops/${shop}/products`, input);
  }

  stock(
    shop: string,
    input: {
      inventoryItemId: string;
      locationId: string;
      quantities: Record<string, number>;
    },
  ): Promise<unknown> {
    return this.call('POST', `/shops/${shop}/inventory`, input);
  }

  async inventoryQuantity(
    shop: string,
    inventoryItemId: string,
    locationId: string,
  ): Promise<Record<string, number> | null> {
    return (
      await this.call<{ quantities: Record<string, number> | null }>(
        'POST',
        `/shops/${shop}/inventory/read`,
        { inventoryItemId, locationId },
      )
    ).quantities;
  }

  createOrder(
    shop: string,
    input: Record<string, unknown>,
  ): Promise<{
    orderId: string;
    updatedAt: string;
    fulfillmentOrderIds: string[];
  }> {
    return this.call('POST', `/shops/${shop}/orders`, input);
  }

  generateOrders(
    shop: string,
    input: {
      count: number;
      seed?: number;
      spreadMs?: number;
      tieGroupSize?: number;
    },
  ): Promise<{ orderId: string; updatedAt: string }[]> {
    return this.call('POST', `/shops/${shop}/orders/generate`, input);
  }

  editOrder(
    shop: string,
    orderId: string,
    edit: Record<string, unknown>,
  ): Promise<unknown> {
    return this.call(
      'POST',
      `/shops/${shop}/orders/${encodeURIComponent(orderId)}/edit`,
      edit,
    );
  }

  fulfillments(shop: string, orderId: string): Promise<unknown[]> {
    return this.call(
      'GET',
      `/shops/${shop}/orders/${encodeURIComponent(orderId)}/fulfillments`,
    );
  }

  addFault(fault: EmulatorFault): Promise<unknown> {
    return this.call('POST', '/faults', fault);
  }

  clearFaults(): Promise<unknown> {
    return this.call('DELETE', '/faults');
  }

  expireToken(token: string): Promise<unknown> {
    return this.call('POST', '/tokens/expire', { token });
  }

  settleWebhooks(): Promise<unknown> {
    return this.call('POST', '/webhooks/settle', {});
  }
}
