/**
 * Whether to colour the text report, by the conventions other tools follow: `FORCE_COLOR` set and not `0` (or
 * `false`) forces colour even into a file or a pipe, `FORCE_COLOR=0` turns it off; otherwise a non-empty `NO_COLOR`
 * (no-color.org) or `TERM=dumb` turns it off, and a terminal gets colour.
 *
 * @param env - the environment.
 * @param isTTY - whether the report goes to a terminal.
 * @returns true to colour.
 * @example
 * colorEnabled({ NO_COLOR: '1' }, true); // false
 * colorEnabled({ FORCE_COLOR: '1' }, false); // true
 */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return isTTY;
}
