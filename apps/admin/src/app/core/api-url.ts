/** Every API route lives under this prefix, on the same origin as the admin. */
export const API_BASE = '/api/v1';

/** `apiUrl('users')` → `/api/v1/users`. */
export function apiUrl(path: string): string {
  return `${API_BASE}/${path.replace(/^\/+/, '')}`;
}

/** True for requests to Ferry's own API (same origin), the only ones that get the tenant header. */
export function isApiRequest(url: string): boolean {
  return url === API_BASE || url.startsWith(`${API_BASE}/`);
}
