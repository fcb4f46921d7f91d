// Excel on the web refuses a request or response over 5 MB ("RequestPayloadSizeLimitExceeded").
// Writers estimate what each queued call sends and sync before a batch would pass the budget.

/** Excel on the web's documented limit for one request. */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one batch may carry: the limit less room for the request envelope and our estimate's error. */
export const BATCH_BUDGET_BYTES = 4 * 1024 * 1024;
/** Per-call envelope (object path, method name, ids) on top of the arguments. */
export const CALL_OVERHEAD_BYTES = 200;

/** UTF-8 size of a string, without allocating (CJK text is 3 bytes a character). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value as JSON (what Office.js sends), for cell grids and call arguments. */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === "string") return utf8Bytes(JSON.stringify(value));
  if (typeof value === "number" || typeof value === "boolean") return String(value).length;
  if (Array.isArray(value)) {
    let bytes = 2 + Math.max(0, value.length - 1);
    for (const item of value) bytes += jsonBytes(item);
    return bytes;
  }
  return utf8Bytes(JSON.stringify(value));
}
