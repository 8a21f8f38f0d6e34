import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from './closest-match.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['route', 'route', 0],
    ['', 'due', 3],
    ['rout', 'route', 1],
    ['chanel', 'channel', 1],
    ['rotue', 'route', 1],
    ['kitten', 'sitting', 3],
    ['tết', 'tet', 1],
  ])('counts %j to %j as %i edits', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestMatch', () => {
  const COMMANDS = ['validate', 'stats', 'route', 'due', 'calendar', 'test', 'diff'];

  it('suggests route for rout and --channel for --chanel', () => {
    expect(closestMatch('rout', COMMANDS)).toBe('route');
    expect(closestMatch('--chanel', ['--channel', '--received', '--office'])).toBe('--channel');
  });

  it('ignores case', () => {
    expect(closestMatch('Validate', COMMANDS)).toBe('validate');
  });

  it('suggests nothing for a word far from every candidate', () => {
    expect(closestMatch('frobnicate', COMMANDS)).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });

  it('allows one edit in a short word, so "dux" is due but "xyz" is nothing', () => {
    expect(closestMatch('dux', COMMANDS)).toBe('due');
    expect(closestMatch('xyz', COMMANDS)).toBeUndefined();
  });
});
