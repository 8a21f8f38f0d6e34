/** Internal: paths without node:path, so the formatters run in browsers too. */

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

function segments(path: string): string[] {
  return path.split('/').filter((segment, index) => index === 0 || (segment !== '' && segment !== '.'));
}

/**
 * The path to show for a file: relative to `cwd` when both are absolute, with `/` separators. A relative path is taken
 * to be relative to `cwd` already and only loses a leading `./`.
 */
export function _displayPath(file: string, cwd: string | undefined): string {
  const path = file.replace(/\\/g, '/');
  if (!isAbsolute(path)) return path.replace(/^(?:\.\/)+/, '');
  if (cwd === undefined || cwd === '') return path;
  const base = cwd.replace(/\\/g, '/');
  if (!isAbsolute(base)) return path;
  const to = segments(path);
  const from = segments(base.replace(/\/+$/, ''));
  // Different roots (another Windows drive): nothing relative to say.
  if ((to[0] ?? '').toLowerCase() !== (from[0] ?? '').toLowerCase()) return path;
  let common = 1;
  while (common < to.length && common < from.length && to[common] === from[common]) common++;
  const relative = [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
  return relative === '' ? '.' : relative;
}

/** True when a displayed path leaves the directory it is relative to (or is absolute). */
export function _isOutside(displayPath: string): boolean {
  return isAbsolute(displayPath) || displayPath === '..' || displayPath.startsWith('../');
}

/** A displayed path as a URI reference: each segment percent-encoded (UTF-8), absolute paths as `file:///` URIs. */
export function _toUri(displayPath: string): string {
  const encoded = displayPath
    .split('/')
    .map((segment, index) => (index === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  if (displayPath.startsWith('/')) return `file://${encoded}`;
  if (/^[A-Za-z]:\//.test(displayPath)) return `file:///${encoded}`;
  return encoded;
}
