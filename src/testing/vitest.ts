/**
 * Types of the tthc matchers for vitest: `import 'tthc/testing/vitest'` once (in a setup file or a test), then
 * `expect.extend(tthcMatchers)`. This module has no runtime code.
 */
// The import makes 'vitest' resolvable for the augmentation below (TS2664 without it when nothing else imports vitest).
import type {} from 'vitest';
import type { TthcMatchers } from './matchers.js';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends TthcMatchers<T> {}
}

export type { TthcMatchers } from './matchers.js';
