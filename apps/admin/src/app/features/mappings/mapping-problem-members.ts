import { HttpErrorResponse } from '@angular/common/http';
import { MappingImpactReport, MappingTestReport } from '@ferry/contracts';

/**
 * The extension members of the mapping editor's refusals (RFC 9457 allows them; `toProblem`
 * keeps only the standard ones): 422 `tests`, 409 `impact`.
 */
function member(error: unknown, key: string): unknown {
  if (!(error instanceof HttpErrorResponse)) return undefined;
  const body: unknown = error.error;
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
}

export function failingTestsOf(error: unknown): MappingTestReport | null {
  const tests = member(error, 'tests');
  return tests !== null && typeof tests === 'object' && Array.isArray((tests as MappingTestReport).results) ? (tests as MappingTestReport) : null;
}

export function breakingImpactOf(error: unknown): MappingImpactReport | null {
  const impact = member(error, 'impact');
  return impact !== null && typeof impact === 'object' && Array.isArray((impact as MappingImpactReport).records)
    ? (impact as MappingImpactReport)
    : null;
}
