import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelect, MatSelectChange, MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { AddUserResponse, ROLE_LABELS, TENANT_ROLES, TenantRole, TenantUser } from '@ferry/contracts';
import { PagedList } from '../../core/paged-list';
import { toProblem } from '../../core/problem-details';
import { Session } from '../../core/session';
import { TenantContext } from '../../core/tenant-context';
import { ConfirmDialog, ConfirmDialogData } from '../../ui/confirm-dialog';
import { OneTimeSecretDialog, OneTimeSecretDialogData } from '../../ui/one-time-secret-dialog';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ProblemMessage } from '../../ui/problem-message';
import { AddUserDialog } from './add-user-dialog';
import { UsersApi } from './users-api';

/** The people of the current tenant: list, add, change role, remove. */
@Component({
  selector: 'ferry-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    MatTableModule,
    MatButtonModule,
    MatIconModule,
    MatSelectModule,
    MatProgressBarModule,
    MatTooltipModule,
    ProblemMessage,
    NoTenantNotice,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly tenant = inject(TenantContext);
  private readonly session = inject(Session);
  protected readonly currentUserId = computed(() => this.session.user()?.id ?? null);

  protected readonly roles = TENANT_ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly list = new PagedList<TenantUser>((cursor) => this.api.list(cursor));
  protected readonly canWrite = computed(() => this.tenant.can('users:write'));
  protected readonly columns = computed(() =>
    this.canWrite() ? ['name', 'email', 'role', 'added', 'actions'] : ['name', 'email', 'role', 'added'],
  );
  /** Ids of users with a change in flight, to disable their controls meanwhile. */
  protected readonly busy = signal<ReadonlySet<string>>(new Set());

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      untracked(() => (tenantId ? this.list.reload() : this.list.clear()));
    });
    inject(DestroyRef).onDestroy(() => this.list.destroy());
  }

  protected roleLabel(role: TenantRole): string {
    return ROLE_LABELS[role];
  }

  protected add(): void {
    this.dialog
      .open<AddUserDialog, void, AddUserResponse>(AddUserDialog, { width: '460px' })
      .afterClosed()
      .subscribe((response) => {
        if (!response) return;
        const { user, temporaryPassword } = response;
        this.list.remove((u) => u.id === user.id);
        this.list.prepend(user);
        if (temporaryPassword !== null) {
          this.dialog.open<OneTimeSecretDialog, OneTimeSecretDialogData>(OneTimeSecretDialog, {
            width: '520px',
            disableClose: true,
            data: {
              title: `${user.displayName} was added`,
              label: 'temporary password',
              secret: temporaryPassword,
              intro: `Give ${user.email} this temporary password through a safe channel; they change it when they first sign in.`,
              testId: 'temporary-password',
            },
          });
        } else {
          this.snackBar.open(`${user.email} already had an account and can now sign in to this tenant.`, undefined, {
            duration: 5000,
          });
        }
      });
  }

  protected changeRole(user: TenantUser, change: MatSelectChange<TenantRole>): void {
    const role = change.value;
    if (role === user.role) return;
    const select: MatSelect = change.source;
    this.setBusy(user.id, true);
    this.api.update(user.id, { role }).subscribe({
      next: (updated) => {
        this.setBusy(user.id, false);
        this.list.replace((u) => u.id === user.id, updated);
        this.snackBar.open(`${updated.email} is now ${ROLE_LABELS[updated.role]}.`, undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.setBusy(user.id, false);
        select.writeValue(user.role);
        this.snackBar.open(toProblem(error).detail, 'Dismiss', { duration: 8000 });
      },
    });
  }

  protected remove(user: TenantUser): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: 'Remove user?',
          message: `${user.displayName} (${user.email}) will lose access to ${this.tenant.current()?.tenantName ?? 'this tenant'}. Their account stays, and other tenants they belong to are not affected.`,
          confirmLabel: 'Remove',
        },
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.setBusy(user.id, true);
        this.api.remove(user.id).subscribe({
          next: () => {
            this.setBusy(user.id, false);
            this.list.remove((u) => u.id === user.id);
            this.snackBar.open(`${user.email} was removed.`, undefined, { duration: 4000 });
          },
          error: (error: unknown) => {
            this.setBusy(user.id, false);
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
