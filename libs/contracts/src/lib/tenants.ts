export interface TenantSummary {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
}

export interface CreateTenantRequest {
  name: string;
  /** lower-case letters, digits and dashes, 3–40 characters */
  slug: string;
}
