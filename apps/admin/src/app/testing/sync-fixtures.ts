import { PassThroughOrderDetail, PassThroughOrderSummary, RecordErrorSummary, RunSummary, ScheduleSummary } from '@ferry/contracts';

/** Orders, errors, runs and schedules shaped like the API's answers (issue 8 pages). */
export function orderSummary(id: string, overrides: Partial<PassThroughOrderSummary> = {}): PassThroughOrderSummary {
  return {
    id,
    shopifyOrderId: `gid://shopify/Order/${id}`,
    shopifyOrderName: `#${id}`,
    shopifyCreatedAt: '2026-03-04T05:06:07.000Z',
    shopifyUpdatedAt: '2026-03-04T05:06:07.000Z',
    orderNumber: `SHOP-${id}`,
    status: 'imported',
    skipReason: null,
    erpSalesOrderNo: `SO-${id}`,
    erpError: null,
    editedAfterImport: false,
    openErrorId: null,
    sentAt: '2026-03-04T05:07:00.000Z',
    importedAt: '2026-03-04T05:10:00.000Z',
    updatedAt: '2026-03-04T05:10:00.000Z',
    ...overrides,
  };
}

export function recordError(id: string, overrides: Partial<RecordErrorSummary> = {}): RecordErrorSummary {
  return {
    id,
    flow: 'orders',
    recordKey: `rec-${id}`,
    category: 'sku_not_matched',
    message: 'SKU WIDGET-9 is not in the ERP item master',
    field: 'lines[0].itemNo',
    state: 'open',
    attempts: 1,
    firstSeenAt: '2026-03-04T05:07:00.000Z',
    lastSeenAt: '2026-03-04T05:08:00.000Z',
    nextRetryAt: null,
    ...overrides,
  };
}

export function orderDetail(id: string, overrides: Partial<PassThroughOrderDetail> = {}): PassThroughOrderDetail {
  return {
    ...orderSummary(id),
    sourcePayload: { name: `#${id}`, lineItems: [{ sku: 'WIDGET-1', quantity: 2 }] },
    mappedPayload: { orderNumber: `SHOP-${id}`, lines: [{ itemNo: 'WIDGET-1', qty: 2 }] },
    mappingVersion: { id: 'mv-3', version: 3 },
    errors: [],
    ...overrides,
  };
}

export function run(id: string, overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    flow: 'orders',
    trigger: 'schedule',
    status: 'succeeded',
    attempt: 1,
    scheduledFor: null,
    startedAt: '2026-03-04T05:00:00.000Z',
    finishedAt: '2026-03-04T05:00:12.500Z',
    durationMs: 12_500,
    counts: { read: 10, written: 8, skipped: 1, failed: 1 },
    error: null,
    progress: null,
    ...overrides,
  };
}

export function schedule(flow: ScheduleSummary['flow'], overrides: Partial<ScheduleSummary> = {}): ScheduleSummary {
  return {
    flow,
    intervalMinutes: 5,
    cron: null,
    paused: false,
    nextRunAt: '2026-03-04T05:05:00.000Z',
    lastEnqueuedAt: '2026-03-04T05:00:00.000Z',
    lastRun: run(`last-${flow}`, { flow }),
    ...overrides,
  };
}
