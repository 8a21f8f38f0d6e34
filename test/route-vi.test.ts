/**
 * Vietnamese throughout: `tthc route --lang vi` and formatDecision(decision, { lang: 'vi' }) speak Vietnamese in
 * every line, labels and tthc's own sentences included; the JSON decision carries both languages.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/node/cli.js';
import { memoryIo, runInMemory } from './_memory-io.js';

const REQUEST = ['route', '1.004222', '--office', '00008', '--residence', '00004', '--channel', 'in-person', '--received', '2026-02-12T10:00:00+07:00'];

/** English words tthc writes when it speaks English; none may remain in Vietnamese output outside codes. */
const ENGLISH = /\b(the|and|of|is|are|from|to|with|by|rule|rules|reason|office|due|deadline|calendar|level|levels|procedure|applied|skipped|basis|received|stage|none|unit|working|days?|holiday|weekend|priority|effect|actual|confidence|first|failing|not|official|projected|guidance|authority|competent|scope|filing|law|catalogue|data)\b/i;

/** A line without what is code or data by design: quoted values, fact paths and operators, rule ids, JSON, URLs, hashes. */
function prose(line: string): string {
  return line
    .replace(/^ {2}[+-] [a-z0-9.-]+/, '')
    .replace(/<https?:[^>]+>/g, '')
    .replace(/\{.*\}/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b[a-z][a-zA-Z]*(\.[a-zA-Z$]+)+\b/g, '')
    .replace(/\b(equal|notEqual|contains|doesNotContain|in|notIn|undefined|true|false)\b/g, '')
    .replace(/\b[a-z0-9]+(-[a-z0-9]+)+\b/g, '')
    .replace(/\b(sha256:)?[0-9a-f]{16,}\b/g, '')
    .replace(/catalog\/procedures/g, '');
}

describe('tthc route --lang vi', () => {
  it('is Vietnamese throughout: no English word outside codes, names and numbers', async () => {
    const { code, out, err } = await runInMemory([...REQUEST, '--lang', 'vi']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Hẹn trả     2026-03-02');
    expect(out).toContain('tiếp nhận và chuyển hồ sơ đến cơ quan có thẩm quyền giải quyết');
    expect(out).toContain('không tính 2026-02-16 nghỉ Tết Nguyên đán');
    const english = out
      .split('\n')
      .map((line) => [line, prose(line).match(ENGLISH)?.[0]] as const)
      .filter(([, word]) => word !== undefined);
    expect(english).toEqual([]);
  });

  it('takes Vietnamese from the locale and English when asked', async () => {
    const io = memoryIo();
    const localeIo = { ...io, env: { LANG: 'vi_VN.UTF-8' } };
    expect(await runCli(REQUEST, localeIo)).toBe(0);
    expect(io.out()).toContain('Thẩm quyền  cấp xã 00004 Phường Ba Đình');
    const english = await runInMemory([...REQUEST, '--lang', 'en']);
    expect(english.out).toContain('Competent commune 00004 Phường Ba Đình');
    expect(english.out).toContain('reason: one-stop offices receive provincial and commune dossiers regardless of boundaries within the province');
  });

  it('refuses a language it does not speak as a usage error', async () => {
    const { code, err } = await runInMemory([...REQUEST, '--lang', 'fr']);
    expect(code).toBe(2);
    expect(err).toContain('--lang');
  });

  it('carries the Vietnamese reason and every rule description in the JSON decision', async () => {
    const { out } = await runInMemory([...REQUEST, '--format', 'json']);
    const decision = JSON.parse(out) as {
      office: { reason: string; reasonVi: string };
      explanation: { applied: { description: string; descriptionVi: string }[]; notApplied: { reasonClass: string }[] };
    };
    expect(decision.office.reasonVi).toBe('Bộ phận Một cửa tiếp nhận hồ sơ thủ tục cấp tỉnh, cấp xã không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh');
    expect(decision.office.reason).toBe('one-stop offices receive provincial and commune dossiers regardless of boundaries within the province');
    for (const rule of decision.explanation.applied) expect(rule.descriptionVi).not.toBe(rule.description);
    expect(new Set(decision.explanation.notApplied.map((rule) => rule.reasonClass))).toEqual(new Set(['conditions', 'index', 'validity']));
  });

  it('gives a refusal its Vietnamese reason and guidance', async () => {
    const { out } = await runInMemory(['route', '1.004222', '--office', '79', '--residence', '00004', '--channel', 'in-person', '--received', '2026-02-12T10:00:00+07:00', '--lang', 'vi']);
    expect(out).toContain('từ chối tiếp nhận');
    expect(out).toContain('hướng dẫn: Nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia');
  });
});

describe('tthc stats --lang vi', () => {
  it('labels every count in Vietnamese and words levels, statuses, units and reasons; English stays the default', async () => {
    const vi = await runInMemory(['stats', '--lang', 'vi']);
    expect(vi.code).toBe(0);
    expect(vi.out).toMatch(/^thủ tục +\d+$/m);
    expect(vi.out).toMatch(/^theo cấp +trung ương \d+, tỉnh \d+, xã \d+, khác \d+$/m);
    expect(vi.out).toMatch(/^thời hạn theo hình thức nộp \d+: đã xác định \d+, chưa xác định \d+, không áp dụng \d+$/m);
    expect(vi.out).toContain('ngày làm việc ');
    expect(vi.out).toContain('có số nhưng không có đơn vị ');
    const en = await runInMemory(['stats']);
    expect(en.out).toMatch(/^procedures {11}\d+$/m);
    expect(en.out).toMatch(/^unresolved deadlines \d+ \(\d+\.\d%; each listed by "tthc validate" as DEADLINE_UNRESOLVED\): no-unit \d+/m);
  });
});


describe('the CLI in Vietnamese: help and usage errors', () => {
  it('lists the commands with Vietnamese summaries and shows each command\'s help in Vietnamese', async () => {
    const overview = await runInMemory(['--help', '--lang', 'vi']);
    expect(overview.out).toContain('Cách dùng: tthc <lệnh> [tùy chọn]');
    expect(overview.out).toContain('  route     xác định cơ quan có thẩm quyền');
    for (const name of ['validate', 'stats', 'route', 'slip', 'due', 'calendar', 'test', 'diff']) {
      const help = await runInMemory([name, '--help', '--lang', 'vi']);
      expect(help.out, name).toMatch(/^Cách dùng: tthc /);
      expect(help.code).toBe(0);
    }
    const english = await runInMemory(['route', '--help']);
    expect(english.out).toMatch(/^Usage: tthc route /);
  });

  it('says what is wrong in Vietnamese, from --lang or the locale', async () => {
    const flag = await runInMemory(['route', '1.004222', '--channel', 'in-person', '--received', '2026-02-12T10:00:00+07:00', '--lang', 'vi']);
    expect(flag.code).toBe(2);
    expect(flag.err).toBe('tthc route: nộp trực tiếp cần --office: mã đơn vị của bộ phận tiếp nhận hồ sơ\nChạy "tthc route --help" để xem cách dùng.\n');
    const io = memoryIo();
    expect(await runCli(['due', '--received', 'yesterday', '--deadline', '5 working-days'], { ...io, env: { LC_ALL: 'vi_VN.UTF-8' } })).toBe(2);
    expect(io.err()).toContain('--received phải là thời điểm ISO 8601 có múi giờ');
    const typo = await runInMemory(['rout', '--lang', 'vi']);
    expect(typo.err).toContain('tthc: không có lệnh "rout"; có phải ý bạn là "route"?');
  });
});
