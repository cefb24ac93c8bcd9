import { Flow } from './schedules';
import { MappingDefinition, MappingRunContext } from './target-schemas/mapping-definition';
import { MappingVersionDetail } from './mapping-versions';
import { ErrorCategory } from './pass-through-orders';
import { FieldError, ProblemDetails } from './http';

/*
 * The mapping editor's REST contract (issue 9), under /api/v1/mappings/:flow. The admin's
 * editor and partners' automation use the same endpoints. Shapes mirror libs/mapping's
 * (MappingFailure, ValidationIssue, FieldDifference, ImpactReport) as plain JSON, since
 * contracts import no engine.
 */

/** A tenant's work in progress on one flow's mapping: one per tenant × flow, autosaved. */
export interface MappingDraft {
  flow: Flow;
  definition: MappingDefinition;
  /** The published version the draft started from. */
  baseVersion: number;
  /** Goes up by one on every save; a save naming an older revision is refused (409). */
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
  /** True when the draft equals the active version (nothing to publish). */
  unchanged: boolean;
}

/** PUT /mappings/:flow/draft — save (autosave) the draft. */
export interface SaveMappingDraftRequest {
  definition: MappingDefinition;
  /** The revision the client last saw; omitted: overwrite whatever is there. */
  revision?: number;
}

/** A field-level difference between two documents (libs/mapping FieldDifference). */
export interface FieldDifferenceDto {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** Why a mapping could not produce a record (libs/mapping MappingFailure). */
export interface MappingFailureDto {
  code: string;
  message: string;
  field?: string;
  line?: number;
  column?: number;
  token?: string;
  jsonataCode?: string;
  value?: string;
}

/** One validation issue of a mapped record (libs/mapping ValidationIssue). */
export interface ValidationIssueDto {
  path: string;
  rule: string;
  message: string;
  value?: string | number | boolean | null;
  expected?: string | number | readonly string[];
  systemName?: string;
}

/** POST /mappings/:flow/draft/test — the draft's (or a given definition's) test cases. */
export interface RunMappingTestsRequest {
  /** Test this definition instead of the saved draft (the editor sends what is on screen). */
  definition?: MappingDefinition;
}

export interface MappingTestResultDto {
  name: string;
  passed: boolean;
  differences: FieldDifferenceDto[];
  output?: unknown;
  error?: MappingFailureDto;
  issues: ValidationIssueDto[];
}

export interface MappingTestReport {
  passed: number;
  failed: number;
  results: MappingTestResultDto[];
}

/** A real recent record of the tenant, to preview a mapping on. */
export interface MappingSample {
  /** Ledger row id. */
  key: string;
  /** What a person recognises: the Shopify order name, the shipment or item code. */
  label: string;
  /** Ledger status (`imported`, `failed`, …). */
  status: string;
  occurredAt: string;
  /** The source payload the sync read. */
  input: unknown;
  /** The context to evaluate it with: the tenant's current defaults and the record's run time. */
  context: MappingRunContext;
  /** Version that mapped it last, if any. */
  mappedWithVersion: number | null;
  /** What that version produced, if anything. */
  output: unknown | null;
  /** The record's open error, if any (fix-and-replay starts from one). */
  openError: { id: string; category: string; message: string; field: string | null } | null;
}

/** GET /mappings/:flow/samples?limit=&status=failed|all&search=&errorId= */
export interface MappingSampleQuery {
  limit?: number;
  status?: 'all' | 'failed';
  search?: string;
  errorId?: string;
}

/** One record whose output or status a change would alter. */
export interface RecordImpactDto {
  key: string;
  label: string;
  before: 'valid' | 'invalid' | 'failed';
  after: 'valid' | 'invalid' | 'failed';
  differences: FieldDifferenceDto[];
  beforeError?: MappingFailureDto;
  afterError?: MappingFailureDto;
  afterIssues: string[];
}

/** POST /mappings/:flow/draft/impact — the draft against the last N real records. */
export interface MappingImpactRequest {
  /** How many recent records (default 50, at most 500). */
  limit?: number;
  definition?: MappingDefinition;
}

export interface MappingImpactReport {
  /** The active version the draft is compared with. */
  comparedWithVersion: number;
  total: number;
  changed: number;
  unchanged: number;
  newlyBroken: number;
  newlyFixed: number;
  fieldCounts: Record<string, number>;
  records: RecordImpactDto[];
}

/**
 * POST /mappings/:flow/draft/publish. Refused with 422 (the failures listed) when a test
 * case fails; with 409 (the impact counts) when records would newly break and
 * `confirmBreaking` is not true.
 */
export interface PublishMappingDraftRequest {
  note?: string;
  confirmBreaking?: boolean;
}

export interface MappingPublishResult {
  version: MappingVersionDetail;
  tests: MappingTestReport;
  impact: MappingImpactReport;
  /** Open errors of this flow the new version maps validly (fix-and-replay). */
  replay: MappingReplayCandidates;
}

/** POST /mappings/:flow/versions/:version/rollback — publishes an older version's content again. */
export interface RollbackMappingRequest {
  note?: string;
}

/** GET /mappings/:flow/versions/:version/diff?against=N (default: the version before). */
export interface MappingVersionDiff {
  flow: Flow;
  version: number;
  against: number | null;
  rules: { target: string; change: 'added' | 'removed' | 'changed'; before?: string; after?: string }[];
  documentExpression: { before?: string; after?: string } | null;
  lookupTables: { name: string; change: 'added' | 'removed' | 'changed' }[];
  testCases: { name: string; change: 'added' | 'removed' | 'changed' }[];
}

/** GET /mappings/:flow/replay — open errors the active version now maps validly. */
export interface MappingReplayCandidates {
  version: number;
  /** Open mapping/validation errors of the flow. */
  openErrors: number;
  /** Of those, how many the active version maps validly. */
  resolvable: number;
  errorIds: string[];
}

/** POST /mappings/:flow/replay — retries exactly these errors (default: every resolvable one). */
export interface MappingReplayRequest {
  errorIds?: string[];
}

export interface MappingReplayResult {
  replayed: number;
  errorIds: string[];
}

/**
 * The 400 answer to a definition that does not compile (a syntax error, an unknown target,
 * an unsafe regex, a duplicate lookup key): `errors` names each rule as
 * `definition[<target>]`, `failures` gives the rule's target as `field` with the line and
 * column inside its expression.
 */
export interface MappingDefinitionProblem extends ProblemDetails {
  status: 400;
  errors: FieldError[];
  failures: MappingFailureDto[];
}

/** The 422 answer to a publish whose test cases fail: the failing cases, field by field. */
export interface MappingTestsFailedProblem extends ProblemDetails {
  status: 422;
  tests: MappingTestReport;
}

/** The 409 answer to a publish that would newly break records without `confirmBreaking`. */
export interface MappingBreakingChangeProblem extends ProblemDetails {
  status: 409;
  impact: MappingImpactReport;
}

/** POST /mappings/:flow/replay with ids that are not open, resolvable errors of the flow: 400 naming them. */
export interface MappingReplayRefusedProblem extends ProblemDetails {
  status: 400;
  errors: FieldError[];
  /** The ids refused; nothing was retried. */
  refusedErrorIds: string[];
}

/**
 * POST /mappings/:flow/import — the body is a mapping file (a MappingDefinition, as
 * GET /mappings/:flow/export downloads it). It replaces the draft; nothing is published.
 */
export type ImportMappingRequest = MappingDefinition;

/**
 * Error categories a mapping change can fix, per flow: the ones the runners record from a
 * mapping's failure or its validation issues (orders report a SKU issue as sku_not_matched;
 * for inventory that category means "no Shopify variant", which no mapping fixes). The API
 * replays these; the monitor offers "Fix mapping" on them.
 */
export const MAPPING_FIXABLE_CATEGORIES: Readonly<Record<Flow, readonly ErrorCategory[]>> = {
  orders: ['mapping_error', 'validation_error', 'sku_not_matched'],
  shipments: ['mapping_error', 'validation_error'],
  inventory: ['mapping_error', 'validation_error'],
};

export const isFixableByMapping = (error: { flow: Flow; category: ErrorCategory; state: string }): boolean =>
  error.state === 'open' && MAPPING_FIXABLE_CATEGORIES[error.flow].includes(error.category);
