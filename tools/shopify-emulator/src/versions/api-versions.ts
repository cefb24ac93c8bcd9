/**
 * Admin API versions as of late 2026. Stable versions are supported for 12 months, so
 * 2026-01 is the oldest supported one; 2027-01 is the release candidate.
 * One place to move when a quarter passes.
 */
export const LATEST_STABLE_VERSION = '2026-10';
export const SUPPORTED_STABLE_VERSIONS = [
  '2026-01',
  '2026-04',
  '2026-07',
  '2026-10',
] as const;
export const RELEASE_CANDIDATE_VERSION = '2027-01';
export const UNSTABLE_VERSION = 'unstable';

const QUARTER_MONTHS = new Set(['01', '04', '07', '10']);

/**
 * The version that actually serves a request. Shopify falls forward from an
 * unsupported (too old) stable version to the oldest supported one; anything that is
 * not a release (wrong month, future beyond the candidate, junk) is not found.
 */
export function resolveApiVersion(requested: string): string | null {
  if (requested === UNSTABLE_VERSION || requested === RELEASE_CANDIDATE_VERSION)
    return requested;
  if ((SUPPORTED_STABLE_VERSIONS as readonly string[]).includes(requested))
    return requested;
  const match = /^(\d{4})-(\d{2})$/.exec(requested);
  if (!match || !QUARTER_MONTHS.has(match[2] ?? '')) return null;
  const oldest = SUPPORTED_STABLE_VERSIONS[0];
  if (requested < oldest && requested >= '2019-04') return oldest;
  return null;
}

/** True when `version` is at least `minimum` (unstable counts as newest). */
export function versionAtLeast(version: string, minimum: string): boolean {
  if (version === UNSTABLE_VERSION) return true;
  return version >= minimum;
}
