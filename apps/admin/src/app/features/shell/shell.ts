import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '@ferry/contracts';
import { map } from 'rxjs';
import { DemoMode } from '../../core/demo-mode';
import { Session } from '../../core/session';
import { TenantContext } from '../../core/tenant-context';
import { ChangePasswordDialog, ChangePasswordDialogData, ChangePasswordResult } from './change-password-dialog';
import { NAV_SECTIONS } from './nav-items';

/** Toolbar (product, tenant switcher, person, sign-out) and side navigation around every signed-in page. */
@Component({
  selector: 'ferry-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    MatSelectModule,
    MatMenuModule,
    MatTooltipModule,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly tenant = inject(TenantContext);
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly demoMode = inject(DemoMode);

  protected readonly user = this.session.user;
  protected readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly sections = computed(() => {
    const operator = this.user()?.isPlatformOperator ?? false;
    return NAV_SECTIONS.map((section) => ({
      ...section,
      items: section.items.filter(
        (item) => (!item.operatorOnly || operator) && (!item.scope || this.tenant.can(item.scope)),
      ),
    })).filter((section) => section.items.length > 0);
  });

  /** Whether the required password change has been offered in this shell's lifetime. */
  private passwordChangePrompted = false;

  constructor() {
    this.demoMode.load();
    // People created with a temporary password choose their own first.
    effect(() => {
      if (this.user()?.mustChangePassword && !this.passwordChangePrompted) {
        this.passwordChangePrompted = true;
        untracked(() => this.openPasswordDialog(true));
      }
    });
  }

  protected selectTenant(tenantId: string): void {
    this.tenant.select(tenantId);
  }

  protected changePassword(): void {
    this.openPasswordDialog(false);
  }

  private openPasswordDialog(required: boolean): void {
    this.dialog
      .open<ChangePasswordDialog, ChangePasswordDialogData, ChangePasswordResult>(ChangePasswordDialog, {
        width: '440px',
        maxWidth: '95vw',
        disableClose: required,
        data: { required },
      })
      .afterClosed()
      .subscribe((result) => {
        if (result === 'sign-out') {
          this.logout();
        } else if (result === 'changed') {
          this.snackBar.open('Password changed. Your other sessions were signed out.', undefined, { duration: 5000 });
          // Picks up the cleared "must change password" flag.
          this.session.refresh().subscribe({ error: () => undefined });
        }
      });
  }

  protected logout(): void {
    const toLogin = () => void this.router.navigate(['/login']);
    this.session.logout().subscribe({ complete: toLogin, error: toLogin });
  }
}
