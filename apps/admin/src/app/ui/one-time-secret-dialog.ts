import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';

export interface OneTimeSecretDialogData {
  title: string;
  /** What the secret is, e.g. "API key" or "Temporary password". */
  label: string;
  secret: string;
  /** Sentence before the warning, e.g. what to do with the secret. */
  intro: string;
  /** `data-testid` of the element holding the secret, for browser tests. */
  testId: string;
}

/**
 * Shows a secret the server will never show again (a new API key, a temporary password),
 * with a copy button. It only closes through its button, so it is not dismissed by accident.
 */
@Component({
  selector: 'ferry-one-time-secret-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatIconModule, MatTooltipModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.intro }}</p>
      <div class="warning" role="note">
        <mat-icon svgIcon="warning" aria-hidden="true" />
        <span>Copy it now: it won't be shown again. Ferry stores only a hash of it.</span>
      </div>
      <div class="secret-row">
        <code class="secret" [attr.data-testid]="data.testId" [attr.aria-label]="data.label">{{ data.secret }}</code>
        <button
          mat-icon-button
          type="button"
          data-testid="copy-secret"
          [matTooltip]="copied() ? 'Copied' : 'Copy ' + data.label"
          [attr.aria-label]="'Copy ' + data.label"
          (click)="copy()"
        >
          <mat-icon [svgIcon]="copied() ? 'check' : 'copy'" />
        </button>
      </div>
      @if (copyFailed()) {
        <p class="hint">Copying failed in this browser — select the text and copy it by hand.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close data-testid="secret-done">I have copied it</button>
    </mat-dialog-actions>
  `,
  styles: `
    .warning {
      display: flex;
      gap: 8px;
      align-items: center;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .secret-row { display: flex; align-items: center; gap: 8px; margin-top: 16px; }
    .secret {
      flex: 1;
      padding: 10px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-highest);
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      word-break: break-all;
      user-select: all;
    }
    .hint { color: var(--mat-sys-error); }
  `,
})
export class OneTimeSecretDialog {
  protected readonly data = inject<OneTimeSecretDialogData>(MAT_DIALOG_DATA);
  private readonly clipboard = inject(Clipboard);
  protected readonly copied = signal(false);
  protected readonly copyFailed = signal(false);

  protected copy(): void {
    const ok = this.clipboard.copy(this.data.secret);
    this.copied.set(ok);
    this.copyFailed.set(!ok);
  }
}
