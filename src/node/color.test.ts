import { describe, expect, it } from 'vitest';
import { colorEnabled } from './color.js';

describe('colorEnabled', () => {
  it.each([
    [{}, true, true, 'a terminal gets colour'],
    [{}, false, false, 'a pipe or a file does not'],
    [{ NO_COLOR: '1' }, true, false, 'NO_COLOR turns it off on a terminal'],
    [{ NO_COLOR: '' }, true, true, 'an empty NO_COLOR is not set'],
    [{ FORCE_COLOR: '1' }, false, true, 'FORCE_COLOR forces it into a pipe'],
    [{ FORCE_COLOR: 'true', NO_COLOR: '1' }, false, true, 'FORCE_COLOR wins over NO_COLOR'],
    [{ FORCE_COLOR: '0' }, true, false, 'FORCE_COLOR=0 turns it off'],
    [{ FORCE_COLOR: 'false' }, true, false, 'FORCE_COLOR=false turns it off'],
    [{ FORCE_COLOR: '' }, false, false, 'an empty FORCE_COLOR is not set'],
    [{ TERM: 'dumb' }, true, false, 'a dumb terminal gets none'],
  ])('%j on a terminal: %s gives %s (%s)', (env: Record<string, string>, isTTY, expected, _why) => {
    expect(colorEnabled(env, isTTY)).toBe(expected);
  });
});
