// Binary input as the web platform takes it. Uploads, group pictures and resumable
// uploads all accept "bytes": a view (Uint8Array, a Node Buffer…), an ArrayBuffer, or
// a Blob / File; this is the one place that reads them.

/**
 * The bytes of a view or an ArrayBuffer, without copying; undefined for anything
 * else. Only a view's own range is taken (a pooled Buffer is a window on a larger
 * buffer), and shared memory, which a Blob cannot hold, is copied.
 */
export function ownedBytes(value: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return typeof SharedArrayBuffer !== "undefined" && bytes.buffer instanceof SharedArrayBuffer
      ? new Uint8Array(bytes)
      : (bytes as Uint8Array<ArrayBuffer>);
  }
  // The tag check also recognises an ArrayBuffer from another realm (a vm context, a worker).
  if (value instanceof ArrayBuffer || Object.prototype.toString.call(value) === "[object ArrayBuffer]") {
    return new Uint8Array(value as ArrayBuffer);
  }
  return undefined;
}

/** A File's own name (a Blob has none). */
export function fileName(value: unknown): string | undefined {
  return typeof File !== "undefined" && value instanceof File && value.name ? value.name : undefined;
}
