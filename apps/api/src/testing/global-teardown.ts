export default async function globalTeardown(): Promise<void> {
  await (globalThis as { ferryTestDatabase?: { stop(): Promise<void> } }).ferryTestDatabase?.stop();
}
