import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssueCodesDoc, ISSUE_CODES_DOC_FILES } from '../src/docs/issue-codes.js';
import { ISSUE_CODES } from '../src/codes.js';
import { LANGS } from '../src/format/types.js';
import { VERSION } from '../src/version.js';

const root = join(import.meta.dirname, '..');

/** The relative links of a Markdown file, `[text](target)`, without web addresses. */
function relativeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target));
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

describe('documentation', () => {
  it.each(LANGS.map((lang) => [ISSUE_CODES_DOC_FILES[lang], lang] as const))(
    'docs/%s is generated from the current registry',
    (file, lang) => {
      expect(readFileSync(join(root, 'docs', file), 'utf8')).toBe(formatIssueCodesDoc({ lang }));
    },
  );

  it('docs/issue-codes.vi.md holds the Vietnamese texts of every code and none of the English ones', () => {
    const page = formatIssueCodesDoc({ lang: 'vi' });
    for (const [code, info] of Object.entries(ISSUE_CODES)) {
      expect(page, code).toContain(`\`${code}\``);
      expect(page, code).toContain(info.title.vi.replace(/\|/g, '\\|'));
      expect(page, code).toContain(info.help.vi.replace(/\|/g, '\\|'));
      expect(page, code).not.toContain(info.help.en.replace(/\|/g, '\\|'));
    }
  });

  it.each(['README.vi.md', 'docs/issue-codes.md', 'docs/issue-codes.vi.md'])(
    'every relative link of %s names a file and heading that exist',
    (path) => {
      for (const link of relativeLinks(readFileSync(join(root, path), 'utf8'))) {
        const [file = '', anchor] = link.split('#');
        const target = join(root, dirname(path), file);
        expect(existsSync(target), `${path}: ${link}`).toBe(true);
        if (anchor === undefined) continue;
        const headings = [...readFileSync(target, 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) =>
          headingAnchor(m[1] ?? ''),
        );
        expect(headings, `${path}: ${link}`).toContain(anchor);
      }
    },
  );

  it('README.vi.md copies the set-up commands and the CI workflow of README.md verbatim', () => {
    const english = readFileSync(join(root, 'README.md'), 'utf8');
    const vietnamese = readFileSync(join(root, 'README.vi.md'), 'utf8');
    const setUp = /```sh\n[\s\S]*?```/.exec(english)?.[0];
    const workflow = /```yaml\n# \.github\/workflows\/[\s\S]*?```/.exec(english)?.[0];
    expect(setUp).toBeDefined();
    expect(workflow).toBeDefined();
    expect(vietnamese).toContain(setUp);
    expect(vietnamese).toContain(workflow);
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
