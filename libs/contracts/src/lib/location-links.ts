/** A Shopify location and the ERP warehouse whose stock it shows. */
export interface LocationLink {
  locationId: string;
  locationName: string;
  warehouseCode: string | null;
  /** `suggested` by name match (not yet confirmed), `manual` once saved by a person. */
  source: 'suggested' | 'manual';
}

export interface LocationLinksResponse {
  links: LocationLink[];
  unmatchedLocations: Array<{ locationId: string; locationName: string }>;
  unmatchedWarehouses: Array<{ code: string; description: string }>;
}

export interface SaveLocationLinksRequest {
  links: Array<{ locationId: string; warehouseCode: string | null }>;
}
