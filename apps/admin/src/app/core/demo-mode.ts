import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { LiveHealth } from '@ferry/contracts';
import { apiUrl } from './api-url';

/**
 * Whether this Ferry is the `npm start` demo (emulated Shopify and CIMcloud). Asked once,
 * from the public liveness answer, so the sign-in page knows it too; unknown reads as off.
 */
@Injectable({ providedIn: 'root' })
export class DemoMode {
  private readonly http = inject(HttpClient);
  private readonly state = signal(false);
  private asked = false;

  readonly active = this.state.asReadonly();

  load(): void {
    if (this.asked) return;
    this.asked = true;
    this.http.get<LiveHealth | null>(apiUrl('health/live')).subscribe({
      next: (health) => this.state.set(health?.demoMode === true),
      error: () => (this.asked = false),
    });
  }
}
