import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { ConnectionTestResult } from '@ferry/contracts';
import { SHOPIFY_REQUIRED_SCOPES } from './shopify-scopes';

/**
 * The outcome of "test connection": worked or not and why, and for Shopify the shop, its
 * plan and currency, and the granted scopes against the ones Ferry needs.
 */
@Component({
  selector: 'ferry-connection-test-result',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatIconModule],
  template: `
    @let r = result();
    <section
      class="result"
      [class.ok]="r.ok"
      role="status"
      [attr.data-testid]="prefix() + '-test-result'"
      [attr.data-ok]="r.ok ? 'true' : 'false'"
    >
      <div class="headline">
        <mat-icon [svgIcon]="r.ok ? 'check-circle' : 'error'" aria-hidden="true" />
        <strong>{{ r.ok ? 'Connection works' : 'Connection failed' }}</strong>
        <span class="when">tested {{ r.testedAt | date: 'medium' }}</span>
      </div>
      <p class="message" [attr.data-testid]="prefix() + '-test-message'">{{ r.message }}</p>
      @if (r.shopify; as shop) {
        <dl class="shop">
          <dt>Shop</dt>
          <dd data-testid="shopify-test-shop-name">{{ shop.shopName }}</dd>
          <dt>Plan</dt>
          <dd data-testid="shopify-test-plan">{{ shop.plan }}</dd>
          <dt>Currency</dt>
          <dd data-testid="shopify-test-currency">{{ shop.currency }}</dd>
        </dl>
        @if (shop.missingScopes.length) {
          <div class="missing" data-testid="shopify-missing-scopes">
            <strong>Missing scopes — grant them in the app's configuration, then test again:</strong>
            <ul>
              @for (missing of shop.missingScopes; track missing.scope) {
                <li [attr.data-testid]="'shopify-missing-scope-' + missing.scope">
                  <code>{{ missing.scope }}</code> — {{ missing.breaks }}
                </li>
              }
            </ul>
          </div>
        } @else {
          <p class="all-granted" data-testid="shopify-scopes-complete">Every scope Ferry needs is granted.</p>
        }
        <table class="scopes" data-testid="shopify-scopes-table">
          <thead>
            <tr><th>Required scope</th><th>Granted</th></tr>
          </thead>
          <tbody>
            @for (row of scopeRows(); track row.scope) {
              <tr [attr.data-testid]="'shopify-scope-' + row.scope" [attr.data-granted]="row.granted ? 'true' : 'false'">
                <td><code>{{ row.scope }}</code></td>
                <td>{{ row.granted ? 'yes' : 'no' }}</td>
              </tr>
            }
          </tbody>
        </table>
        <p class="granted" data-testid="shopify-granted-scopes">
          Granted: {{ shop.grantedScopes.length ? shop.grantedScopes.join(', ') : 'none' }}
        </p>
      }
    </section>
  `,
  styles: `
    .result {
      margin-top: 16px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .result.ok { background: var(--mat-sys-surface-container-high); color: var(--mat-sys-on-surface); }
    .headline { display: flex; gap: 8px; align-items: center; }
    .when { margin-left: auto; font: var(--mat-sys-body-small); opacity: 0.8; }
    .message { margin: 6px 0 0; }
    .shop { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; }
    dt { font-weight: 500; }
    dd { margin: 0; }
    .missing { margin-top: 8px; color: var(--mat-sys-error); }
    .missing ul { margin: 4px 0 0; padding-left: 20px; }
    .scopes { border-collapse: collapse; margin-top: 8px; font: var(--mat-sys-body-small); }
    .scopes th, .scopes td { text-align: left; padding: 2px 12px 2px 0; }
    [data-granted='false'] td { color: var(--mat-sys-error); }
    .granted { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); margin: 8px 0 0; }
    code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  `,
})
export class ConnectionTestResultView {
  readonly result = input.required<ConnectionTestResult>();
  /** `shopify` or `cimcloud`: the prefix of the test hooks. */
  readonly prefix = input.required<string>();

  /** Every scope Ferry needs (and any other the API says is missing); the API's missing list decides (a write scope implies its read scope). */
  protected readonly scopeRows = computed(() => {
    const shop = this.result().shopify;
    if (!shop) return [];
    const missing = new Set(shop.missingScopes.map((m) => m.scope));
    const scopes = [...SHOPIFY_REQUIRED_SCOPES.map((s) => s.scope), ...missing];
    return [...new Set(scopes)].map((scope) => ({ scope, granted: !missing.has(scope) }));
  });
}
