/** Where `/` leads, and where signing in ends when there is no page to return to. */
export const START_PAGE = '/home';

/**
 * The `returnUrl` query parameter for the login page: the page someone asked for, left out
 * when it is just the start page (so `/` leads to a plain `/login`).
 */
export function returnUrlParams(url: string): { returnUrl?: string } {
  return url && url !== '/' && url !== START_PAGE && !url.startsWith('/login') ? { returnUrl: url } : {};
}
