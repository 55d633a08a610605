/** What the main thread and a SQLite reader thread (`sqlite-reader-worker.ts`) send each other. */
export type ReadRequest = { id: number; sql: string; parameters: readonly unknown[] };
/**
 * The rows, their blobs moved into one buffer (`bytes`, transferred, not copied) and each replaced by
 * `[offset, length]` in it: 50 blobs sent apart became 50 buffers on the main thread, and their freeing
 * made every young-generation collection there 5–8 times longer.
 */
export type ReadReply =
  | { id: number; rows: Record<string, unknown>[]; bytes: ArrayBuffer | null }
  | { id: number; error: { message: string; code?: string } };

/** Moves the rows' blobs into one buffer (see `ReadReply`); null when they have none. */
export function packBlobs(rows: Record<string, unknown>[]): ArrayBuffer | null {
  let total = 0;
  for (const row of rows) for (const key in row) if (row[key] instanceof Uint8Array) total += (row[key] as Uint8Array).byteLength;
  if (total === 0) return null;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const row of rows)
    for (const key in row) {
      const value = row[key];
      if (!(value instanceof Uint8Array)) continue;
      bytes.set(value, at);
      row[key] = [at, value.byteLength];
      at += value.byteLength;
    }
  return bytes.buffer;
}

/** The rows of a reply with their blobs as Buffers again (views of the one transferred buffer). */
export function unpackBlobs(rows: Record<string, unknown>[], bytes: ArrayBuffer | null): Record<string, unknown>[] {
  if (bytes === null) return rows;
  for (const row of rows)
    for (const key in row) {
      const value = row[key];
      // A row's values are null, numbers, bigints, texts and blobs: an array is a blob's place.
      if (Array.isArray(value)) row[key] = Buffer.from(bytes, value[0] as number, value[1] as number);
    }
  return rows;
}
