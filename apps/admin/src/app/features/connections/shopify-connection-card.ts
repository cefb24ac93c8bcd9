import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ShopifyAuthMode, ShopifyConnectionRequest, ShopifyConnectionSummary } from '@ferry/contracts';
import { ProblemMessage } from '../../ui/problem-message';
import {
  CONNECTION_STATE_LABELS,
  connectionFieldError,
  connectionState,
  normalizeShopDomain,
  optionalHttpUrl,
  requiredWhen,
} from './connection-form';
import { ConnectionTestResultView } from './connection-test-result';
import { ConnectionCardActions } from './connection-card-actions';
import { ConnectionsApi } from './connections-api';
import { ShopifyGuide } from './shopify-guide';

type ShopifyField =
  | 'shopDomain'
  | 'authMode'
  | 'accessToken'
  | 'clientId'
  | 'clientSecret'
  | 'webhookSecret'
  | 'adminBaseUrl';

const REQUIRED_TEXT: Record<string, string> = {
  shopDomain: 'Enter the shop domain, e.g. acme.myshopify.com.',
  accessToken: 'Enter the Admin API access token (shpat_…).',
  clientId: "Enter the app's client ID.",
  clientSecret: "Enter the app's client secret.",
};

/** The Shopify connection: shop, credentials of either kind, webhook secret; save, test, disconnect. */
@Component({
  selector: 'ferry-shopify-connection-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemMessage,
    ConnectionTestResultView,
    ShopifyGuide,
  ],
  templateUrl: './shopify-connection-card.html',
  styleUrl: './connection-card.scss',
})
export class ShopifyConnectionCard {
  private readonly api = inject(ConnectionsApi);

  readonly connection = input.required<ShopifyConnectionSummary | null>();
  readonly canWrite = input.required<boolean>();
  /** The stored connection after a save, test or disconnect (null once disconnected). */
  readonly changed = output<ShopifyConnectionSummary | null>();

  protected readonly labels = {
    shopDomain: 'Shop domain',
    authMode: 'Credentials',
    accessToken: 'Admin API access token',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    webhookSecret: 'Webhook secret',
    adminBaseUrl: 'Admin API base URL',
  };

  /** The stored connection the form was last filled from (read by the validators). */
  private current: ShopifyConnectionSummary | null = null;
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    shopDomain: ['', [Validators.required, Validators.maxLength(255)]],
    authMode: ['client_credentials' as ShopifyAuthMode],
    accessToken: ['', requiredWhen(() => this.mode() === 'admin_token' && !this.stored('accessToken'))],
    clientId: ['', requiredWhen(() => this.mode() === 'client_credentials')],
    clientSecret: ['', requiredWhen(() => this.mode() === 'client_credentials' && !this.stored('clientSecret'))],
    webhookSecret: [''],
    adminBaseUrl: ['', optionalHttpUrl],
  });
  /** The auth mode chosen in the form (reactive, for the template). */
  protected readonly authMode = signal<ShopifyAuthMode>('client_credentials');

  private readonly actions = new ConnectionCardActions<ShopifyConnectionSummary>('shopify', () => this.connection(), (c) => this.changed.emit(c));
  protected readonly saving = this.actions.saving;
  protected readonly testing = this.actions.testing;
  protected readonly problem = this.actions.problem;
  protected readonly state = computed(() => connectionState(this.connection() !== null, this.connection()?.lastTest));
  protected readonly stateLabels = CONNECTION_STATE_LABELS;

  constructor() {
    effect(() => {
      const connection = this.connection();
      const canWrite = this.canWrite();
      untracked(() => this.resetForm(connection, canWrite));
    });
    this.form.controls.authMode.valueChanges.pipe(takeUntilDestroyed()).subscribe((mode) => {
      this.authMode.set(mode);
      this.syncModeControls();
    });
  }

  private mode(): ShopifyAuthMode {
    return this.form?.controls.authMode.value ?? 'client_credentials';
  }

  /** Whether a secret is stored for the chosen auth mode (then its input may stay empty). */
  private stored(key: 'accessToken' | 'clientSecret'): boolean {
    const connection = this.current;
    return connection != null && connection.authMode === this.mode() && connection[key] !== null;
  }

  private resetForm(connection: ShopifyConnectionSummary | null, canWrite: boolean): void {
    this.current = connection;
    this.form.reset({
      shopDomain: connection?.shopDomain ?? '',
      authMode: connection?.authMode ?? 'client_credentials',
      accessToken: '',
      clientId: connection?.clientId ?? '',
      clientSecret: '',
      webhookSecret: '',
      adminBaseUrl: connection?.adminBaseUrl ?? '',
    });
    this.authMode.set(this.form.controls.authMode.value);
    if (canWrite) this.form.enable({ emitEvent: false });
    else this.form.disable({ emitEvent: false });
    this.syncModeControls();
  }

  /** Only the credentials of the chosen auth mode are shown, checked and sent. */
  private syncModeControls(): void {
    const adminToken = this.mode() === 'admin_token';
    const writable = untracked(() => this.canWrite());
    for (const key of ['accessToken', 'clientId', 'clientSecret'] as const) {
      const control = this.form.controls[key];
      const shown = key === 'accessToken' ? adminToken : !adminToken;
      if (shown && writable) control.enable({ emitEvent: false });
      else control.disable({ emitEvent: false });
      control.updateValueAndValidity({ emitEvent: false });
    }
  }

  protected hint(key: 'accessToken' | 'clientSecret' | 'webhookSecret'): string | null {
    return this.connection()?.[key]?.hint ?? null;
  }

  protected error(key: ShopifyField): string {
    return connectionFieldError(this.form.controls[key], REQUIRED_TEXT[key] ?? 'Required.');
  }

  protected normalizeDomain(): void {
    const control = this.form.controls.shopDomain;
    const normalized = normalizeShopDomain(control.value);
    if (normalized !== control.value) control.setValue(normalized);
  }

  protected save(): void {
    if (this.saving() || !this.canWrite()) return;
    this.normalizeDomain();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const request: ShopifyConnectionRequest = { shopDomain: v.shopDomain, authMode: v.authMode };
    if (v.authMode === 'admin_token') {
      if (v.accessToken.trim()) request.accessToken = v.accessToken.trim();
    } else {
      request.clientId = v.clientId.trim();
      if (v.clientSecret.trim()) request.clientSecret = v.clientSecret.trim();
    }
    if (v.webhookSecret.trim()) request.webhookSecret = v.webhookSecret.trim();
    if (v.adminBaseUrl.trim()) request.adminBaseUrl = v.adminBaseUrl.trim();

    this.actions.save(this.api.saveShopify(request), this.form.controls);
  }

  protected test(): void {
    this.actions.test();
  }

  protected disconnect(): void {
    const connection = this.connection();
    if (!connection) return;
    this.actions.disconnect({
      title: 'Disconnect Shopify?',
      message: `Ferry forgets the credentials of ${connection.shopDomain}; orders, shipments and inventory stop syncing until it is connected again.`,
    });
  }
}
