/** Writes docs/issue-codes.md from the issue code registry, so the documentation never drifts from the code. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssueCodesDoc } from '../src/docs/issue-codes.js';

const target = join(import.meta.dirname, '..', 'docs', 'issue-codes.md');
writeFileSync(target, formatIssueCodesDoc());
console.log(`wrote ${target}`);
