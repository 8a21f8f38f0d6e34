import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssueCodesDoc } from '../src/docs/issue-codes.js';
import { ISSUE_CODES } from '../src/codes.js';
import { VERSION } from '../src/version.js';

const root = join(import.meta.dirname, '..');

describe('documentation', () => {
  it('docs/issue-codes.md is generated from the current registry', () => {
    expect(readFileSync(join(root, 'docs', 'issue-codes.md'), 'utf8')).toBe(formatIssueCodesDoc());
  });

  it('every issue code has an English and a Vietnamese title and help', () => {
    for (const [code, info] of Object.entries(ISSUE_CODES)) {
      for (const text of [info.title.en, info.title.vi, info.help.en, info.help.vi]) {
        expect(text.trim().length, code).toBeGreaterThan(3);
      }
    }
  });

  it('docs/cli.md documents every issue code and every command', async () => {
    const cli = readFileSync(join(root, 'docs', 'cli.md'), 'utf8');
    const { COMMANDS } = await import('../src/node/commands/index.js');
    for (const command of COMMANDS) expect(cli, command.name).toContain(`## tthc ${command.name}`);
    expect(cli).toContain('issue-codes.md');
  });

  it('the library version equals package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
