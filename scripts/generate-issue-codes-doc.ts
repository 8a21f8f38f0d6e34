/**
 * Writes docs/issue-codes.md (English, with the Vietnamese beside it) and docs/issue-codes.vi.md (Vietnamese only) from
 * the issue code registry, so the documentation never drifts from the code.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssueCodesDoc, ISSUE_CODES_DOC_FILES } from '../src/docs/issue-codes.js';
import { LANGS } from '../src/format/types.js';

for (const lang of LANGS) {
  const target = join(import.meta.dirname, '..', 'docs', ISSUE_CODES_DOC_FILES[lang]);
  writeFileSync(target, formatIssueCodesDoc({ lang }));
  console.log(`wrote ${target}`);
}
