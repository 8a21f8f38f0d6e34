/**
 * `tthc slip`: the command line (in memory), and its HTML rendered by a real browser, Debian's headless chromium:
 * printed to PDF (one A4 page) and laid out on screen (the due date and the procedure code shown, nothing wider than
 * the page). Chromium must be installed; CI installs it (.ci/run). The test fails, never skips, without it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentOption } from '../src/node/commands/slip.js';
import { runInMemory } from './_memory-io.js';
import { runCli } from '../src/node/cli.js';
import type { CliIo } from '../src/node/command.js';
import { ROOT } from './_memory-io.js';

const run = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';
const REQUEST = ['1.004222', '--office', '00008', '--residence', '00004', '--channel', 'in-person', '--received', '2026-02-12T10:00:00+07:00'];

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tthc-slip-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Fails the test, with what to do, when chromium is not installed: this test must not pass by skipping. */
function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium to run this test (apt-get install -y --no-install-recommends chromium); npm test (scripts/test-all.sh) installs it when missing`);
  }
}

/** Runs headless chromium with its own profile directory, so runs never share state or lock one another. */
async function chromium(args: readonly string[]): Promise<string> {
  requireChromium();
  const profile = await mkdtemp(join(dir, 'profile-'));
  const { stdout } = await run(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check', `--user-data-dir=${profile}`, ...args],
    { timeout: 90_000, maxBuffer: 32 * 1024 * 1024 },
  );
  return stdout;
}

/** The slip of the README's request, rendered by the CLI as HTML in Vietnamese. */
async function slipHtml(): Promise<string> {
  const { code, out, err } = await runInMemory(['slip', ...REQUEST, '--format', 'html', '--lang', 'vi']);
  expect(err).toBe('');
  expect(code).toBe(0);
  return out;
}

describe('tthc slip rendered by chromium', () => {
  it('routes the README request to a due date, so the slip has an appointment to show', async () => {
    const { code, out } = await runInMemory(['route', ...REQUEST, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ office: { action: 'receive-and-transfer' }, dueDate: '2026-03-02', dueAt: '2026-03-02T17:00:00+07:00' });
  });

  it('prints to exactly one A4 page', async () => {
    const file = join(dir, 'slip.html');
    const pdf = join(dir, 'slip.pdf');
    await writeFile(file, await slipHtml());
    await chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(file).href]);
    const bytes = (await readFile(pdf)).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    const pages = bytes.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pages.length, 'page objects in the PDF').toBe(1);
    expect(/\/Type\s*\/Pages[\s\S]*?\/Count\s+(\d+)/.exec(bytes)?.[1], 'the page tree count').toBe('1');
    const boxes = [...bytes.matchAll(/\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) {
      const [x0, y0, x1, y1] = box.slice(1, 5).map(Number) as [number, number, number, number];
      // A4 is 210 x 297 mm, 595.28 x 841.89 points; chromium writes 594.96 x 841.92.
      expect(Math.abs(x1 - x0 - 595.28), `MediaBox width ${x1 - x0}`).toBeLessThan(1.5);
      expect(Math.abs(y1 - y0 - 841.89), `MediaBox height ${y1 - y0}`).toBeLessThan(1.5);
    }
  });

  it('shows the due date and the procedure code, with nothing wider than the page', async () => {
    // The check runs in the page: a script the test adds to its copy of the slip (the shipped HTML has none) writes
    // what it measured into the DOM, which --dump-dom prints once the page has loaded.
    const probe = `<script>
addEventListener('load', () => {
  const width = document.documentElement.clientWidth;
  const overflowing = [];
  for (const element of [document.body, ...document.body.querySelectorAll('*')]) {
    if (element.tagName === 'SCRIPT') continue;
    const box = element.getBoundingClientRect();
    if (element.scrollWidth > element.clientWidth + 1 || box.right > width + 1 || box.left < -1) {
      overflowing.push(element.tagName + '.' + element.className + ' ' + element.scrollWidth + '/' + element.clientWidth + ' right ' + Math.round(box.right));
    }
  }
  const result = document.createElement('pre');
  result.id = 'tthc-probe';
  result.textContent = JSON.stringify({ width, bodyScroll: document.body.scrollWidth, text: document.body.innerText, overflowing });
  document.body.appendChild(result);
});
</script>`;
    const html = await slipHtml();
    expect(html).not.toContain('<script');
    const file = join(dir, 'slip-probe.html');
    await writeFile(file, html.replace('</body>', `${probe}\n</body>`));
    // 794 x 1123 CSS pixels: an A4 page at 96 dpi.
    const dom = await chromium(['--window-size=794,1123', '--virtual-time-budget=5000', '--dump-dom', pathToFileURL(file).href]);
    const json = /<pre id="tthc-probe">([\s\S]*?)<\/pre>/.exec(dom)?.[1];
    expect(json, 'the probe wrote its result into the page').toBeDefined();
    const decoded = json!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const result = JSON.parse(decoded) as { width: number; bodyScroll: number; text: string; overflowing: string[] };
    expect(result.text).toContain('Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 02 tháng 03 năm 2026');
    expect(result.text).toContain('1.004222');
    expect(result.text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(result.overflowing).toEqual([]);
    expect(result.bodyScroll).toBeLessThanOrEqual(result.width);
  });
});

describe('tthc slip on the command line', () => {
  it('prints the text slip by default, in the language of the locale', async () => {
    let out = '';
    const io: CliIo = { stdout: { write: (chunk: string) => (out += chunk) }, stderr: { write: () => true }, cwd: ROOT, env: { LANG: 'vi_VN.UTF-8' }, isTTY: false };
    expect(await runCli(['slip', ...REQUEST, '--applicant-name', 'Nguyễn Văn A', '--dossier-number', 'H01-0001', '--document', 'Tờ khai CT01:1', '--document', 'Giấy tờ chứng minh chỗ ở hợp pháp'], io)).toBe(0);
    expect(out.endsWith('\n')).toBe(true);
    expect(out).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ\nMã hồ sơ: H01-0001\n');
    expect(out).toContain('Tiếp nhận hồ sơ của: Nguyễn Văn A\n');
    expect(out).toContain('   1) Tờ khai CT01  Số lượng (bản): 1\n   2) Giấy tờ chứng minh chỗ ở hợp pháp  Số lượng (bản): ..........\n');
    expect(out).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 02 tháng 03 năm 2026\n');
    const english = await runInMemory(['slip', ...REQUEST]); // no locale: English
    expect(english.out).toContain('5. Result to be returned at: 17:00, 2 March 2026\n');
  });

  it('makes no slip for a dossier the office refuses, exiting 1 with the reason', async () => {
    const { code, out, err } = await runInMemory(['slip', '1.004222', '--office', '25747', '--residence', '00004', '--channel', 'in-person', '--received', '2026-02-12T10:00:00+07:00']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^tthc slip: decision: the office refuses this dossier .*Phiếu từ chối tiếp nhận giải quyết hồ sơ/);
  });

  it.each([
    [[...REQUEST, '--format', 'pdf'], '--format must be one of text, html; got "pdf"'],
    [[...REQUEST, '--lang', 'fr'], '--lang must be vi or en; got "fr"'],
    [[...REQUEST, '--document', ':2'], '--document needs a name, "name" or "name:copies"; got ":2"'],
    [[...REQUEST, '--document', 'Tờ khai:0'], '--document "Tờ khai:0": the number of copies must be 1 or more'],
    [[...REQUEST, '--applicant-name', ' '], '--applicant-name needs a value'],
    [['--office', '00008', '--channel', 'in-person', '--received', '2026-02-12T10:00:00+07:00'], 'missing the procedure code, e.g. tthc slip 1.001193 ...'],
    [['1.004222', '--channel', 'in-person', '--received', '2026-02-12T10:00:00+07:00'], '--office is needed in person'],
    [[...REQUEST, '--dossier-numbr', 'x'], 'unknown option "--dossier-numbr"; did you mean "--dossier-number"?'],
  ])('refuses %j as a usage error (exit 2)', async (argv, message) => {
    const { code, out, err } = await runInMemory(['slip', ...argv]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`tthc slip: ${message}`);
    expect(err).toContain('Run "tthc slip --help" for usage.');
  });

  it('prints its usage with the flags of tthc route', async () => {
    const { code, out } = await runInMemory(['slip', '--help']);
    expect(code).toBe(0);
    for (const flag of ['--channel', '--received', '--office', '--residence', '--subject', '--as-of', '--applicant', '--data', '--applicant-name', '--dossier-number', '--document', '--lang', '--format']) {
      expect(out).toContain(`  ${flag} `);
    }
  });

  it.each([
    ['Tờ khai CT01', { name: 'Tờ khai CT01' }],
    ['Tờ khai CT01:2', { name: 'Tờ khai CT01', copies: 2 }],
    ['Giấy tờ: hợp đồng thuê nhà : 3', { name: 'Giấy tờ: hợp đồng thuê nhà', copies: 3 }],
    ['Giấy tờ: hợp đồng thuê nhà', { name: 'Giấy tờ: hợp đồng thuê nhà' }],
  ])('reads --document %j as %j', (text, document) => {
    expect(parseDocumentOption(text)).toEqual(document);
  });
});
