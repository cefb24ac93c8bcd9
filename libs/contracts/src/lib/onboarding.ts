/** What a tenant has done and what is missing before syncs can run. */
export interface OnboardingStep {
  id: 'shopify_connected' | 'cimcloud_connected' | 'defaults_set' | 'locations_linked' | 'lookup_ship_via';
  title: string;
  done: boolean;
  /** Why not done yet, or what was found. */
  detail: string;
  /** Admin route to fix it. */
  route: string;
}

export interface OnboardingStatus {
  steps: OnboardingStep[];
  complete: boolean;
}
