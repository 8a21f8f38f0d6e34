/**
 * "Did you mean ...?": the candidate nearest to a mistyped word. Small on purpose: command names, flags and issue codes
 * are a few dozen short words, so a quadratic distance over each pair costs nothing.
 */

/**
 * The optimal-string-alignment distance between two words: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each count one (`rotue` is one from `route`, as typists make it).
 *
 * @param a - one word.
 * @param b - the other.
 * @returns the number of edits, 0 when the words are equal.
 * @example
 * editDistance('chanel', 'channel'); // 1
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  // Three rows are enough: a swap looks two rows back.
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[t.length]!;
}

/**
 * The candidate nearest to `word`, when it is near enough to be a typo of it: at most one edit for every three
 * characters (at least one edit), compared without case. Ties go to the earlier candidate.
 *
 * @param word - what was typed.
 * @param candidates - the words it may have meant.
 * @returns the nearest candidate, or undefined when none is near.
 * @example
 * closestMatch('rout', ['validate', 'route', 'due']); // 'route'
 * closestMatch('frobnicate', ['validate', 'route']); // undefined
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const limit = Math.max(1, Math.floor([...typed].length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
