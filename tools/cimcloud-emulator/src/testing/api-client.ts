/** A tiny fetch client for the emulator's tests: real HTTP, no Ferry code. */
export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface Credentials {
  authKey: string;
  userName: string;
  password: string;
}

export class ApiClient {
  token?: string;
  refreshToken?: string;

  constructor(
    readonly baseUrl: string,
    readonly site: string,
  ) {}

  async call(method: string, path: string, body?: unknown, token = this.token): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['Authorization'] = `Bearer ${token}`;
    const res = await fetch(`${this.baseUrl}/${this.site}/${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }

  async authenticate(credentials: Credentials): Promise<ApiResponse> {
    const res = await this.call('POST', 'authenticate', {
      AuthKey: credentials.authKey,
      AuthUserName: credentials.userName,
      AuthPassword: credentials.password,
    });
    if (res.status === 200) {
      const pair = res.body as { token: string; refresh_token: string };
      this.token = pair.token;
      this.refreshToken = pair.refresh_token;
    }
    return res;
  }

  get(path: string): Promise<ApiResponse> {
    return this.call('GET', path);
  }

  post(path: string, body: unknown): Promise<ApiResponse> {
    return this.call('POST', path, body);
  }

  /** GET that expects 200 and a JSON array of rows. */
  async rows(path: string): Promise<Record<string, unknown>[]> {
    const res = await this.get(path);
    if (res.status !== 200 || !Array.isArray(res.body)) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>[];
  }
}

/** Polls until check() returns a value (tests use compressed delays, so this is short). */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
