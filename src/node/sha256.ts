/** SHA-256 on Node: node:crypto, where the browser build uses the pure-JavaScript one of src/hash.ts. */
import { createHash } from 'node:crypto';

/** SHA-256 (hex) of bytes, or of a text's UTF-8: the digest src/hash.ts gives for a text, about 30 times faster. */
export function nodeSha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
