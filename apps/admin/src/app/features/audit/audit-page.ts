import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { AuditEntry } from '@ferry/contracts';
import { PagedList } from '../../core/paged-list';
import { TenantContext } from '../../core/tenant-context';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ProblemMessage } from '../../ui/problem-message';
import { AuditApi } from './audit-api';
import { auditActor, auditDetails, auditTarget } from './audit-format';

/** Every change to connections, defaults, links and lookup tables: who, when, what. */
@Component({
  selector: 'ferry-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatTableModule, MatButtonModule, MatIconModule, MatProgressBarModule, ProblemMessage, NoTenantNotice],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  protected readonly tenant = inject(TenantContext);
  protected readonly list = new PagedList<AuditEntry>((cursor) => this.api.list(cursor));
  protected readonly columns = ['at', 'actor', 'action', 'target', 'details'];
  protected readonly actor = auditActor;
  protected readonly target = auditTarget;
  protected readonly details = auditDetails;

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      untracked(() => (tenantId ? this.list.reload() : this.list.clear()));
    });
    inject(DestroyRef).onDestroy(() => this.list.destroy());
  }
}
