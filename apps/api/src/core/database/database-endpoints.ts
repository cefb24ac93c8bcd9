/** Where Ferry's database is and how each role reaches it. */
export interface DatabaseEndpoints {
  /** Owner role: runs migrations and the first-start bootstrap, then disconnects. */
  ownerUrl: string;
  /** Application role: everything else. Owns no table, cannot bypass row-level security. */
  appUrl: string;
  /** Stops what Ferry started itself (the embedded server); a no-op for an external server. */
  stop(): Promise<void>;
}

export function roleOf(url: string): { user: string; password: string; database: string } {
  const parsed = new URL(url);
  return {
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
