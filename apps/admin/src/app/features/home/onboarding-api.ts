import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { OnboardingStatus } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

/** What the current tenant has set up and what is missing before syncs can run. */
@Injectable({ providedIn: 'root' })
export class OnboardingApi {
  private readonly http = inject(HttpClient);

  status(): Observable<OnboardingStatus> {
    return this.http.get<OnboardingStatus>(apiUrl('onboarding'));
  }
}
