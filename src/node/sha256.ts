/** The catalogue's content hash on Node: node:crypto instead of the pure-JavaScript SHA-256 the browser build uses. */
import { createHash } from 'node:crypto';

/** SHA-256 (hex) of a text's UTF-8: the digest src/hash.ts gives, about 30 times faster on the shipped catalogue. */
export function nodeSha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
