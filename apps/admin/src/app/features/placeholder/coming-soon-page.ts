import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** Stands in for a section that is not built yet, and says so plainly. */
@Component({
  selector: 'ferry-coming-soon-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule],
  template: `
    <h1 class="title">{{ section() }}</h1>
    <section class="notice" data-testid="coming-soon">
      <mat-icon svgIcon="build" aria-hidden="true" class="icon" />
      <div>
        <h2>Coming soon</h2>
        <p>This section is not built yet. {{ summary() }}</p>
      </div>
    </section>
  `,
  styles: `
    .title { font: var(--mat-sys-headline-small); margin: 0 0 24px; }
    .notice {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      padding: 24px;
      max-width: 640px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container);
    }
    .icon { color: var(--mat-sys-primary); flex: none; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 4px; }
    p { margin: 0; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class ComingSoonPage {
  /** Route data, bound by the router (`withComponentInputBinding`). */
  readonly section = input.required<string>();
  readonly summary = input('');
}
