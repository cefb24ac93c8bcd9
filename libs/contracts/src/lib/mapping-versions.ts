import { Flow } from './schedules';
import { MappingDefinition } from './target-schemas/mapping-definition';

/** A published, immutable version of a tenant's mapping of one flow. */
export interface MappingVersionSummary {
  id: string;
  flow: Flow;
  version: number;
  /** `sha256:…` of the definition's canonical JSON: identifies the content. */
  contentHash: string;
  note: string;
  publishedAt: string;
  /** Who published it: the person's display name (or email); null for the shipped default and API keys. */
  publishedBy: string | null;
  /** The publishing user's id, when a person published it. */
  publishedById?: string | null;
  /** True for the version the syncs use now. */
  active: boolean;
}

export interface MappingVersionDetail extends MappingVersionSummary {
  definition: MappingDefinition;
}

/** Publish a mapping version from a JSON file (the REST API's and a future CLI's format). */
export interface PublishMappingRequest {
  definition: MappingDefinition;
  note?: string;
}
