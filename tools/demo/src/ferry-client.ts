/** A minimal HTTP client of Ferry's REST API, signed in as a person (cookie session). */
export class FerryClient {
  private cookie = '';
  tenantId: string | null = null;

  constructor(readonly baseUrl: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`Signing in as ${email} failed (${response.status}): ${await response.text()}`);
    this.cookie = (response.headers.getSetCookie().find((c) => c.startsWith('ferry_session=')) ?? '').split(';')[0];
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (this.tenantId) headers['x-ferry-tenant'] = this.tenantId;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}
