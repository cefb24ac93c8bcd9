import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ApiKeySummary, CreatedApiKey, SCOPES } from '@ferry/contracts';
import { PagedList } from '../../core/paged-list';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { ConfirmDialog, ConfirmDialogData } from '../../ui/confirm-dialog';
import { OneTimeSecretDialog, OneTimeSecretDialogData } from '../../ui/one-time-secret-dialog';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ProblemMessage } from '../../ui/problem-message';
import { apiKeyStatus, ApiKeyStatus } from './api-key-status';
import { ApiKeysApi } from './api-keys-api';
import { CreateApiKeyDialog } from './create-api-key-dialog';

const STATUS_LABELS: Record<ApiKeyStatus, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };

/** The current tenant's API keys: list, create (token shown once), revoke. */
@Component({
  selector: 'ferry-api-keys-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatTableModule, MatButtonModule, MatIconModule, MatProgressBarModule, MatTooltipModule, ProblemMessage, NoTenantNotice],
  templateUrl: './api-keys-page.html',
  styleUrl: './api-keys-page.scss',
})
export class ApiKeysPage {
  private readonly api = inject(ApiKeysApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly tenant = inject(TenantContext);

  protected readonly list = new PagedList<ApiKeySummary>((cursor) => this.api.list(cursor));
  protected readonly canWrite = computed(() => this.tenant.can('api_keys:write'));
  protected readonly columns = computed(() => {
    const columns = ['name', 'prefix', 'scopes', 'created', 'expires', 'lastUsed', 'status'];
    return this.canWrite() ? [...columns, 'actions'] : columns;
  });
  protected readonly allScopesCount = SCOPES.length;
  protected readonly busy = signal<ReadonlySet<string>>(new Set());

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      untracked(() => (tenantId ? this.list.reload() : this.list.clear()));
    });
    inject(DestroyRef).onDestroy(() => this.list.destroy());
  }

  protected status(key: ApiKeySummary): ApiKeyStatus {
    return apiKeyStatus(key);
  }

  protected statusLabel(key: ApiKeySummary): string {
    return STATUS_LABELS[apiKeyStatus(key)];
  }

  protected create(): void {
    this.dialog
      .open<CreateApiKeyDialog, void, CreatedApiKey>(CreateApiKeyDialog, { width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        const { token, ...summary } = created;
        this.list.prepend(summary);
        this.dialog.open<OneTimeSecretDialog, OneTimeSecretDialogData>(OneTimeSecretDialog, {
          width: '560px',
          maxWidth: '95vw',
          disableClose: true,
          data: {
            title: `API key "${created.name}" created`,
            label: 'API key',
            secret: token,
            intro: 'Send it as "Authorization: Bearer <key>". It acts in this tenant only, with the scopes you chose.',
            testId: 'api-key-token',
          },
        });
      });
  }

  protected revoke(key: ApiKeySummary): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: 'Revoke API key?',
          message: `"${key.name}" (${key.prefix}…) stops working immediately. This cannot be undone.`,
          confirmLabel: 'Revoke',
        },
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.setBusy(key.id, true);
        this.api.revoke(key.id).subscribe({
          next: () => {
            this.setBusy(key.id, false);
            this.list.replace((k) => k.id === key.id, { ...key, revokedAt: new Date().toISOString() });
            this.snackBar.open(`"${key.name}" was revoked.`, undefined, { duration: 4000 });
          },
          error: (error: unknown) => {
            this.setBusy(key.id, false);
            this.snackBar.open(toProblem(error).detail, 'Dismiss', { duration: 8000 });
          },
        });
      });
  }

  private setBusy(id: string, busy: boolean): void {
    this.busy.update((ids) => {
      const next = new Set(ids);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
