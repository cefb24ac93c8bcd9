/**
 * A run that cannot succeed until a person changes something (no connection, no defaults):
 * recorded as failed with this message, and not retried by the queue.
 */
export class PermanentRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentRunError';
  }
}
