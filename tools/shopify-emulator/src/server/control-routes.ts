import { IncomingMessage, ServerResponse } from 'node:http';
import { BulkOperations } from '../bulk/bulk-operations';
import {
  AddProductInput,
  CreateOrderInput,
  CreateShopInput,
  InstallAppInput,
  StockInput,
} from '../control/control-types';
import {
  EmulatorControl,
  normalizeShopDomain,
} from '../control/emulator-control';
import { FaultRule } from '../faults/fault-injector';
import { ShopPlan } from '../store/model';
import { GenerateOrdersOptions } from '../store/order-generator';
import { OrderEdit } from '../store/shop-store';
import { WebhookOptions } from '../webhooks/webhook-dispatcher';
import { parseJsonObject, readBody, sendJson, sendText } from './http-io';

type Body = Record<string, unknown>;
type Handler = (params: string[], body: Body) => unknown;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** The HTTP face of the control API, under /_emulator. Bodies are JSON, trusted as typed. */
function routes(control: EmulatorControl): Route[] {
  const shop = (p: string[]): string => decodeURIComponent(p[0] ?? '');
  const param = (p: string[], i: number): string =>
    decodeURIComponent(p[i] ?? '');
  return [
    {
      method: 'GET',
      pattern: /^\/_emulator\/health$/,
      handler: () => ({ ok: true }),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops$/,
      handler: (_p, b) => control.createShop(b as unknown as CreateShopInput),
    },
    {
      method: 'GET',
      pattern: /^\/_emulator\/shops\/([^/]+)$/,
      handler: (p) => control.summary(shop(p)),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/settings$/,
      handler: (p, b) => {
        if (typeof b['plan'] === 'string')
          control.setPlan(shop(p), b['plan'] as ShopPlan);
        if (b['throttleMode'] === 'graphql' || b['throttleMode'] === 'http429')
          control.setThrottleMode(shop(p), b['throttleMode']);
        if (typeof b['searchLagMs'] === 'number')
          control.setSearchLag(shop(p), b['searchLagMs']);
        if (typeof b['protectedCustomerDataAccess'] === 'boolean')
          control.setProtectedCustomerDataAccess(
            shop(p),
            b['protectedCustomerDataAccess'],
          );
        return control.summary(shop(p));
      },
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/apps$/,
      handler: (p, b) => control.installApp(shop(p), b as InstallAppInput),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/apps\/(\d+)\/rotate-secret$/,
      handler: (p) => ({
        clientSecret: control.rotateAppSecret(shop(p), Number(param(p, 1))),
      }),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/apps\/(\d+)\/scopes$/,
      handler: (p, b) => {
        control.setAppScopes(
          shop(p),
          Number(param(p, 1)),
          (b['scopes'] as string[]) ?? [],
        );
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/apps\/(\d+)\/uninstall$/,
      handler: (p) => {
        control.uninstallApp(shop(p), Number(param(p, 1)));
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/tokens\/expire$/,
      handler: (_p, b) => ({
        expired: control.expireToken(String(b['token'])),
      }),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/locations$/,
      handler: (p, b) => control.addLocation(shop(p), b as { name: string }),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/products$/,
      handler: (p, b) =>
        control.addProduct(shop(p), b as unknown as AddProductInput),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/inventory$/,
      handler: (p, b) => {
        control.stock(shop(p), b as unknown as StockInput);
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/customers$/,
      handler: (p, b) => control.addCustomer(shop(p), b),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/orders$/,
      handler: (p, b) =>
        control.createOrder(shop(p), b as unknown as CreateOrderInput),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/orders\/generate$/,
      handler: (p, b) =>
        control.generateOrders(shop(p), b as unknown as GenerateOrdersOptions),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/orders\/([^/]+)\/edit$/,
      handler: (p, b) =>
        control.editOrder(shop(p), param(p, 1), b as OrderEdit),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/orders\/([^/]+)\/cancel$/,
      handler: (p, b) =>
        control.cancelOrder(
          shop(p),
          param(p, 1),
          typeof b['reason'] === 'string' ? b['reason'] : undefined,
        ),
    },
    {
      method: 'GET',
      pattern: /^\/_emulator\/shops\/([^/]+)\/orders\/([^/]+)\/fulfillments$/,
      handler: (p) => control.fulfillments(shop(p), param(p, 1)),
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/faults$/,
      handler: (_p, b) => ({ id: control.addFault(b as unknown as FaultRule) }),
    },
    {
      method: 'DELETE',
      pattern: /^\/_emulator\/faults$/,
      handler: () => {
        control.clearFaults();
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/clock\/advance$/,
      handler: (_p, b) => {
        control.advanceClock(Number(b['ms'] ?? 0));
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/webhooks\/settings$/,
      handler: (_p, b) => {
        if (typeof b['dropping'] === 'boolean')
          control.setWebhookDropping(b['dropping']);
        control.configureWebhooks(b as Partial<WebhookOptions>);
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/webhooks\/settle$/,
      handler: async () => {
        await control.settleWebhooks();
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_emulator\/shops\/([^/]+)\/inventory\/read$/,
      handler: (p, b) => ({
        quantities: control.inventoryQuantity(
          shop(p),
          String(b['inventoryItemId']),
          String(b['locationId']),
        ),
      }),
    },
    {
      method: 'GET',
      pattern: /^\/_emulator\/webhooks\/deliveries$/,
      handler: () => control.webhookDeliveries(),
    },
  ];
}

/** Serves /_emulator/*; returns false when the path is not a control route. */
export async function handleControl(
  control: EmulatorControl,
  bulk: BulkOperations,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const bulkMatch = /^\/_emulator\/bulk\/([^/]+)\/(\d+)\.jsonl$/.exec(path);
  if (bulkMatch && req.method === 'GET') {
    const jsonl = bulk.result(
      normalizeShopDomain(decodeURIComponent(bulkMatch[1] ?? '')),
      Number(bulkMatch[2]),
    );
    if (jsonl === null) sendJson(res, 404, { errors: 'Not Found' });
    else sendText(res, 200, jsonl, 'application/jsonl');
    return true;
  }
  for (const route of routes(control)) {
    const match = route.pattern.exec(path);
    if (!match || route.method !== req.method) continue;
    const body = parseJsonObject(await readBody(req));
    if (!body) {
      sendJson(res, 400, { error: 'body must be a JSON object' });
      return true;
    }
    try {
      sendJson(res, 200, await route.handler(match.slice(1), body));
    } catch (error) {
      sendJson(res, 400, {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return true;
  }
  return false;
}
