import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { isFixableByMapping, OrderShipment, PassThroughOrderDetail, RecordErrorSummary, ShipmentPushStatus } from '@ferry/contracts';
import { Subscription, switchMap, timer } from 'rxjs';
import { LoadedValue } from '../../core/loaded-value';
import { POLL_INTERVAL_MS } from '../../core/polling';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ProblemMessage } from '../../ui/problem-message';
import { ErrorAction, ErrorsApi } from './errors-api';
import { ERROR_CATEGORY_LABELS, ERROR_STATE_TONES, JourneyState, ORDER_STATUS_LABELS, orderJourney, orderStatusTone, prettyJson, SHIPMENT_STATUS_LABELS, SHIPMENT_STATUS_TONES } from './order-format';
import { OrdersApi } from './orders-api';

/** Whether the order is still moving (being retried, or waiting for CIMcloud, the ERP or Shopify), so the page re-reads it. */
export function orderInFlux(order: PassThroughOrderDetail): boolean {
  return (
    order.status === 'mapped' ||
    order.status === 'sent' ||
    order.errors.some((e) => e.state === 'retrying') ||
    (order.shipments ?? []).some((s) => s.status === 'pending')
  );
}

/** The journey's last legs: ERP shipments → Shopify fulfillments. */
export interface ShippingStep {
  key: 'shipments' | 'fulfillments';
  title: string;
  detail: string;
  state: JourneyState;
  at: string | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function shippingJourney(order: PassThroughOrderDetail): ShippingStep[] {
  const shipments = order.shipments ?? [];
  const closed = order.status === 'skipped' || order.status === 'failed' || order.status === 'import_failed';
  if (shipments.length === 0) {
    const waiting: JourneyState = closed ? 'skipped' : 'pending';
    const detail = order.status === 'imported' ? 'Not shipped yet' : closed ? 'Not in the ERP' : 'After the ERP import';
    return [
      { key: 'shipments', title: 'ERP shipments', detail, state: waiting, at: null },
      { key: 'fulfillments', title: 'Shopify fulfillments', detail: 'None yet', state: waiting, at: null },
    ];
  }
  const count = (status: ShipmentPushStatus) => shipments.filter((s) => s.status === status).length;
  const fulfilled = count('fulfilled');
  const failed = count('failed');
  const pushed = shipments.map((s) => s.pushedAt).filter((at): at is string => at !== null);
  let detail = `${fulfilled} of ${shipments.length} in Shopify`;
  if (fulfilled === shipments.length) detail = plural(fulfilled, 'fulfillment in Shopify', 'fulfillments in Shopify');
  if (failed) detail += ` · ${failed} failed`;
  const state: JourneyState = failed ? 'failed' : shipments.every((s) => s.status !== 'pending') && fulfilled > 0 ? 'done' : 'pending';
  return [
    { key: 'shipments', title: 'ERP shipments', detail: plural(shipments.length, 'package shipped', 'packages shipped'), state: 'done', at: shipments[0].readAt },
    { key: 'fulfillments', title: 'Shopify fulfillments', detail, state, at: pushed.length ? pushed[pushed.length - 1] : null },
  ];
}


/** One order: its journey to the ERP, the source and mapped payloads, its errors with Retry / Skip. */
@Component({
  selector: 'ferry-order-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, NgTemplateOutlet, RouterLink, MatButtonModule, MatExpansionModule, MatIconModule, MatProgressBarModule, ProblemMessage, NoTenantNotice],
  templateUrl: './order-page.html',
  styleUrl: './order-page.scss',
})
export class OrderPage {
  private readonly api = inject(OrdersApi);
  private readonly errorsApi = inject(ErrorsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly pollInterval = inject(POLL_INTERVAL_MS);
  protected readonly tenant = inject(TenantContext);
  protected readonly fixableByMapping = isFixableByMapping;

  /** Route parameter. */
  readonly orderId = input.required<string>();

  protected readonly order = new LoadedValue<PassThroughOrderDetail>(() => this.api.get(this.orderId()));
  protected readonly journey = computed(() => {
    const order = this.order.value();
    return order ? orderJourney(order) : [];
  });
  protected readonly shippingSteps = computed(() => {
    const order = this.order.value();
    return order ? shippingJourney(order) : [];
  });
  protected readonly shipments = computed<OrderShipment[]>(() => this.order.value()?.shipments ?? []);
  protected readonly shipmentLabels = SHIPMENT_STATUS_LABELS;
  protected readonly shipmentTones = SHIPMENT_STATUS_TONES;
  protected readonly canWrite = computed(() => this.tenant.can('orders:write'));
  protected readonly statusLabels = ORDER_STATUS_LABELS;
  protected readonly categoryLabels = ERROR_CATEGORY_LABELS;
  protected readonly stateTones = ERROR_STATE_TONES;
  protected readonly tone = orderStatusTone;
  protected readonly json = prettyJson;
  protected readonly busy = signal<string | null>(null);
  private poll: Subscription | null = null;

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      this.orderId();
      untracked(() => (tenantId ? this.order.reload() : this.order.clear()));
    });
    effect(() => {
      const order = this.order.value();
      untracked(() => this.schedulePoll(order));
    });
    inject(DestroyRef).onDestroy(() => {
      this.poll?.unsubscribe();
      this.order.destroy();
    });
  }

  protected act(error: RecordErrorSummary, action: ErrorAction): void {
    this.busy.set(error.id);
    this.errorsApi.act(error.id, action).subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.order.update((order) => ({ ...order, errors: order.errors.map((e) => (e.id === updated.id ? updated : e)) }));
        this.snackBar.open(action === 'retry' ? 'Retrying the order.' : 'The order was skipped.', undefined, { duration: 4000 });
      },
      error: (failure: unknown) => {
        this.busy.set(null);
        this.snackBar.open(toProblem(failure).detail, 'Dismiss', { duration: 8000 });
      },
    });
  }

  /** Re-reads the order without clearing it (the payloads stay open). */
  protected refresh(): void {
    this.schedulePoll(null);
    this.poll = this.api.get(this.orderId()).subscribe({
      next: (order) => this.order.set(order),
      error: (failure: unknown) => this.snackBar.open(toProblem(failure).detail, 'Dismiss', { duration: 8000 }),
    });
  }

  private schedulePoll(order: PassThroughOrderDetail | null): void {
    this.poll?.unsubscribe();
    this.poll = null;
    if (!order || !orderInFlux(order)) return;
    this.poll = timer(this.pollInterval)
      .pipe(switchMap(() => this.api.get(order.id)))
      .subscribe({
        next: (next) => this.order.set(next),
        error: () => {
          // a failed re-read keeps what is shown; "Refresh" tries again
        },
      });
  }
}
