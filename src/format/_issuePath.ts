/** Internal: an issue path as one string. */
import type { IssuePath } from '../errors.js';

/** `procedures[0].name`; keys that are not plain identifiers are quoted: `units["ủy ban"]`. */
export function _pathString(path: IssuePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}
