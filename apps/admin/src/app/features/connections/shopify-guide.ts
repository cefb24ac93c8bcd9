import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';
import { SHOPIFY_REQUIRED_SCOPES } from './shopify-scopes';

/** Step-by-step: how to get Shopify credentials, for a store-admin custom app and for a Dev Dashboard app. */
@Component({
  selector: 'ferry-shopify-guide',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatExpansionModule],
  template: `
    <h3 class="guide-title">How to get the credentials</h3>
    <mat-accordion multi>
      <mat-expansion-panel data-testid="shopify-guide-dev-dashboard">
        <mat-expansion-panel-header>
          <mat-panel-title>New app in the Dev Dashboard (client ID and secret)</mat-panel-title>
        </mat-expansion-panel-header>
        <p>Apps created since January 1, 2026 are made in Shopify's Dev Dashboard and authenticate with their client ID and secret.</p>
        <ol>
          <li>Open the <strong>Dev Dashboard</strong> (dev.shopify.com) with the account that owns the store, and choose <strong>Create app</strong>. Name it e.g. "Ferry".</li>
          <li>In the app's <strong>Versions</strong>, create a version, set the <strong>Admin API access scopes</strong> listed below, and <strong>Release</strong> it.</li>
          <li>From the app's <strong>Home</strong>, <strong>Install app</strong> on your store and approve the scopes.</li>
          <li>Open the app's <strong>Settings</strong> and copy the <strong>Client ID</strong> and the <strong>Client secret</strong>.</li>
          <li>Here, choose <em>Dev Dashboard app</em>, enter your <code>…myshopify.com</code> domain, the client ID and the secret. Webhooks are signed with the client secret, so the webhook secret can stay empty.</li>
          <li>Save: Ferry gets a token (it lasts about 24 hours and is renewed automatically) and tests it.</li>
        </ol>
      </mat-expansion-panel>
      <mat-expansion-panel data-testid="shopify-guide-custom-app">
        <mat-expansion-panel-header>
          <mat-panel-title>Custom app made in the store admin (Admin API token)</mat-panel-title>
        </mat-expansion-panel-header>
        <p>Custom apps made in the store admin before 2026 keep working with their static token.</p>
        <ol>
          <li>In Shopify admin, go to <strong>Settings › Apps and sales channels › Develop apps</strong>.</li>
          <li>Open your app (or <strong>Create an app</strong>, where the store still allows it).</li>
          <li>Under <strong>Configuration › Admin API integration</strong>, choose <strong>Configure</strong>, tick the scopes listed below, and <strong>Save</strong>.</li>
          <li>Under <strong>API credentials</strong>, choose <strong>Install app</strong>, then <strong>Reveal token once</strong> and copy the Admin API access token (<code>shpat_…</code>).</li>
          <li>Copy the <strong>API secret key</strong> from the same page: it signs the webhooks.</li>
          <li>Here, choose <em>Admin API token</em>, enter your <code>…myshopify.com</code> domain, the token and the API secret key as webhook secret, and save.</li>
        </ol>
      </mat-expansion-panel>
      <mat-expansion-panel data-testid="shopify-guide-scopes">
        <mat-expansion-panel-header>
          <mat-panel-title>Scopes to grant</mat-panel-title>
        </mat-expansion-panel-header>
        <ul class="scopes">
          @for (entry of scopes; track entry.scope) {
            <li><code>{{ entry.scope }}</code> — {{ entry.purpose }}</li>
          }
        </ul>
      </mat-expansion-panel>
    </mat-accordion>
  `,
  styles: `
    .guide-title { font: var(--mat-sys-title-small); margin: 16px 0 8px; }
    ol, ul { padding-left: 20px; margin: 0; }
    li + li { margin-top: 4px; }
    code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  `,
})
export class ShopifyGuide {
  protected readonly scopes = SHOPIFY_REQUIRED_SCOPES;
}
