import type { IncomingMessage } from 'node:http';
import { HttpError, errorBody } from './http-error';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Reads and parses a JSON request body; an empty body reads as undefined. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, errorBody('Request body too large.'));
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, errorBody('The request body is not valid JSON.'));
  }
}
