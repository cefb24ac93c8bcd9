/** Thrown by handlers to answer with a status and a JSON body; the router sends it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : `HTTP ${status}`);
  }
}

/** Shape of the emulator's error bodies: CIMcloud does not publish one (assumed). */
export function errorBody(message: string): { message: string } {
  return { message };
}
