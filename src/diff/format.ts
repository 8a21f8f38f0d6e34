/**
 * Presenting a {@link DatasetDiff}: text for a terminal, stable JSON, and markdown ready to paste as a pull-request
 * comment. Pure functions, browser-safe.
 */
import { canonicalJson } from '../rules/hash.js';
import { isLocalizedText, periodText } from '../vocabulary.js';
import { describeValue as describeArgument, invalidArgument, describeValueVi as describeArgumentVi } from '../errors.js';
import type { Lang } from '../format/types.js';
import { periodTextIn, UNRESOLVED_REASON_TEXT, wordFor } from '../words.js';
import { isEmptyDiff } from './diff.js';
import { STANDARD_REQUESTS, STANDARD_UNITS } from './requests.js';
import type { DatasetDiff, DecisionPartChange, DiffValue, EntrySummary, FieldChange, RoutingChange, StandardRequest } from './types.js';
import { expectDiff, expectOptions } from '../arguments.js';

/** Options of the diff formatters. */
export interface FormatDiffOptions {
  /** How the two sides are named in the heading (a directory or a git ref). */
  readonly labels?: { readonly old: string; readonly new: string };
  /** Markdown only: most rows shown per table before the rest is elided (default 200). */
  readonly maxRows?: number;
  /**
   * The language of the text and markdown reports: English (default) or Vietnamese (`vi`): headings, counts, tthc's
   * own words and the rules' Vietnamese texts; codes, ids, paths, field names and data stay as written. JSON is the
   * same in both, except that `vi` also writes the Vietnamese texts a diff carries (`effectVi`, `descriptionVi`,
   * `oldVi`, `newVi`), which the English JSON leaves out.
   */
  readonly lang?: Lang;
}

/** The words of the reports, per language. */
const WORDS = {
  en: {
    counts: (c: Counts) => `${c.added} added, ${c.removed} removed, ${c.changed} changed`,
    procedures: (n: number) => plural(n, 'procedure'),
    requests: (n: number) => plural(n, 'request'),
    rows: (n: number) => plural(n, 'row'),
    none: '(none)',
    empty: '(empty)',
    noDifferences: 'No differences.',
    sameDay: 'same day',
    variants: (n: number) => `${n} variant${n === 1 ? '' : 's'}`,
    unresolved: (reason: string) => `unresolved, ${reason}`,
    free: 'free',
    unchanged: 'unchanged',
    changed: 'changed',
    notCompared: 'not compared (no procedure, unit, rule, override or calendar change)',
    scopeAll: 'every procedure on both sides',
    scopeChanged: 'the changed and overridden procedures',
    decide: (changed: number, scope: string, routed: number, routes: number) =>
      `${plural(changed, 'procedure')} decide${changed === 1 ? 's' : ''} differently (${scope}: ${plural(routed, 'procedure')}, ${plural(routes, 'request')} compared)`,
    received: (at: string, place: string) => `received ${at}; the applicant lives in ${place}`,
    local: ' (commune- and province-level procedures)',
    more: (n: number) => `… and ${n} more rows; run \`tthc diff --format json\` for all.`,
    labels: {
      procedures: 'Procedures: ',
      units: 'Units:      ',
      rules: 'Rules:      ',
      overrides: 'Overrides:  ',
      bodies: 'Bodies:     ',
      calendar: 'Calendar:   ',
      routing: 'Routing:    ',
    },
    kinds: { procedures: 'Procedures', units: 'Units', rules: 'Rules', overrides: 'Overrides', bodies: 'Abolished bodies' },
    added: (kind: string) => `${kind} added`,
    removed: (kind: string) => `${kind} removed`,
    changedSection: (kind: string) => `${kind} changed`,
    routingChanges: 'Routing changes',
    standardRequests: 'Standard requests',
    calendarMd: 'Calendar',
    routingMd: 'Routing',
    header: { added: 'Added', removed: 'Removed', changed: 'Changed' },
    column: {
      code: 'Code',
      name: 'Name',
      levels: 'Levels',
      level: 'Level',
      field: 'Field',
      old: 'Old',
      new: 'New',
      rule: 'Rule',
      file: 'File',
      effect: 'Effect',
      override: 'Override',
      body: 'Body',
      procedure: 'Procedure',
      request: 'Request',
      part: 'Part',
    },
  },
  vi: {
    counts: (c: Counts) => `thêm ${c.added}, xóa ${c.removed}, thay đổi ${c.changed}`,
    procedures: (n: number) => `${n} thủ tục`,
    requests: (n: number) => `${n} yêu cầu`,
    rows: (n: number) => `${n} dòng`,
    none: '(không có)',
    empty: '(trống)',
    noDifferences: 'Không có khác biệt.',
    sameDay: 'trong ngày',
    variants: (n: number) => `${n} trường hợp khác`,
    unresolved: (reason: string) => `chưa xác định được, ${wordFor(UNRESOLVED_REASON_TEXT, reason, 'vi')}`,
    free: 'miễn phí',
    unchanged: 'không thay đổi',
    changed: 'thay đổi',
    notCompared: 'không so sánh (không có thay đổi về thủ tục, đơn vị hành chính, quy tắc, mục điều chỉnh hoặc lịch làm việc)',
    scopeAll: 'mọi thủ tục có ở cả hai bên',
    scopeChanged: 'các thủ tục thay đổi và các thủ tục chịu tác động của mục điều chỉnh',
    decide: (changed: number, scope: string, routed: number, routes: number) =>
      `${changed} thủ tục có kết quả thay đổi (phạm vi: ${scope}; đã so sánh ${routed} thủ tục, ${routes} yêu cầu)`,
    received: (at: string, place: string) => `tiếp nhận lúc ${at}; người nộp hồ sơ cư trú tại ${place}`,
    local: ' (chỉ áp dụng với thủ tục cấp xã, cấp tỉnh)',
    more: (n: number) => `… và ${n} dòng khác; chạy \`tthc diff --format json\` để xem toàn bộ.`,
    labels: {
      procedures: 'Thủ tục:               ',
      units: 'Đơn vị hành chính:     ',
      rules: 'Quy tắc:               ',
      overrides: 'Mục điều chỉnh:        ',
      bodies: 'Cơ quan đã bãi bỏ:     ',
      calendar: 'Lịch làm việc:         ',
      routing: 'Kết quả xử lý yêu cầu: ',
    },
    kinds: { procedures: 'Thủ tục', units: 'Đơn vị hành chính', rules: 'Quy tắc', overrides: 'Mục điều chỉnh', bodies: 'Cơ quan đã bãi bỏ' },
    added: (kind: string) => `${kind} được thêm`,
    removed: (kind: string) => `${kind} bị xóa`,
    changedSection: (kind: string) => `${kind} có thay đổi`,
    routingChanges: 'Thay đổi kết quả xử lý yêu cầu',
    standardRequests: 'Các yêu cầu mẫu',
    calendarMd: 'Lịch làm việc',
    routingMd: 'Kết quả xử lý yêu cầu',
    header: { added: 'Thêm', removed: 'Xóa', changed: 'Thay đổi' },
    column: {
      code: 'Mã',
      name: 'Tên',
      levels: 'Cấp thực hiện',
      level: 'Cấp',
      field: 'Trường dữ liệu',
      old: 'Cũ',
      new: 'Mới',
      rule: 'Quy tắc',
      file: 'Tệp',
      effect: 'Tác động',
      override: 'Mục điều chỉnh',
      body: 'Cơ quan',
      procedure: 'Thủ tục',
      request: 'Yêu cầu',
      part: 'Nội dung',
    },
  },
} as const;

type Counts = { readonly added: number; readonly removed: number; readonly changed: number };
type Words = (typeof WORDS)['en'] | (typeof WORDS)['vi'];

function langOf(options: FormatDiffOptions): Lang {
  const lang = options.lang ?? 'en';
  if (lang !== 'en' && lang !== 'vi') {
    invalidArgument({ en: `options.lang: expected "vi" or "en", got ${describeArgument(lang)}`, vi: `options.lang: cần "vi" hoặc "en", nhận được ${describeArgumentVi(lang)}` }, 'options.lang');
  }
  return lang;
}

/** The formats a diff can be written in. */
export type DiffFormat = 'text' | 'json' | 'markdown';
export const DIFF_FORMATS: readonly DiffFormat[] = Object.freeze(['text', 'json', 'markdown']);

/** Formats a diff in the given format. */
export function formatDiff(diff: DatasetDiff, format: DiffFormat, options: FormatDiffOptions = {}): string {
  expectDiff(diff);
  expectOptions(options);
  return format === 'json' ? formatDiffJson(diff, options) : format === 'markdown' ? formatDiffMarkdown(diff, options) : formatDiffText(diff, options);
}

/** The diff as pretty JSON (2 spaces, trailing newline), with the side labels first when given. */
export function formatDiffJson(diff: DatasetDiff, options: FormatDiffOptions = {}): string {
  expectDiff(diff);
  expectOptions(options);
  const shown = langOf(options) === 'vi' ? diff : withoutVietnamese(diff);
  const value = options.labels === undefined ? shown : { sides: { old: options.labels.old, new: options.labels.new }, ...shown };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The diff without the Vietnamese texts it carries, as the English JSON has always been written. */
function withoutVietnamese(diff: DatasetDiff): DatasetDiff {
  const entries = <T extends { readonly added: readonly EntrySummary[]; readonly removed: readonly EntrySummary[] }>(changes: T): T => ({
    ...changes,
    added: changes.added.map(withoutEffectVi),
    removed: changes.removed.map(withoutEffectVi),
  });
  const routing = diff.routing as DatasetDiff['routing'] | undefined;
  const units = diff.units as DatasetDiff['units'] | undefined;
  return {
    ...diff,
    ...(units?.changed === undefined ? {} : { units: { ...units, changed: units.changed.map((unit) => ({ ...unit, changes: unit.changes.map(withoutValuesVi) })) } }),
    ...(diff.rules?.added === undefined ? {} : { rules: entries(diff.rules) }),
    ...(diff.overrides?.added === undefined ? {} : { overrides: entries(diff.overrides) }),
    ...(diff.bodies?.added === undefined ? {} : { bodies: entries(diff.bodies) }),
    ...(routing?.requests === undefined || routing.changes === undefined
      ? {}
      : {
          routing: {
            ...routing,
            requests: routing.requests.map(({ descriptionVi: _, ...request }) => request),
            changes: routing.changes.map((change) => ({ ...change, changes: change.changes.map(withoutValuesVi) })),
          },
        }),
  };
}

function withoutEffectVi({ effectVi: _, ...entry }: EntrySummary): EntrySummary {
  return entry;
}

function withoutValuesVi<T extends FieldChange | DecisionPartChange>(change: T): T {
  const { oldVi: _old, newVi: _new, ...rest } = change;
  return rest as T;
}

const MAX_VALUE = 160;

/**
 * A field value in one line for people: deadlines and fees in words, lists joined, other data as compact JSON.
 * @param lang - the language of the words tthc adds (`(none)`, units of time, `free`); the data stays as written
 */
export function formatDiffValue(value: DiffValue, max = MAX_VALUE, lang: Lang = 'en'): string {
  const text = describeValue(value, WORDS[lang === 'vi' ? 'vi' : 'en']);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describeValue(value: DiffValue, t: Words): string {
  const vi = t === WORDS.vi;
  if (value === null) return t.none;
  if (typeof value === 'string') return value === '' ? '""' : value.replace(/\s*\n\s*/g, ' ');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return t.empty;
    if (value.every((item) => typeof item === 'string')) return value.join(', ');
    return canonicalJson(value);
  }
  const record = value as { readonly [key: string]: DiffValue };
  if (record['status'] === 'resolved' && typeof record['unit'] === 'string') {
    const variants = Array.isArray(record['variants']) ? `, ${t.variants(record['variants'].length)}` : '';
    const period = record as unknown as { readonly value: number; readonly unit: string; readonly followedBy?: readonly { readonly value: number; readonly unit: string }[] };
    const amount = record['unit'] === 'same-day' ? t.sameDay : vi ? periodTextIn(period, 'vi') : periodText(period);
    return `${amount} (${quote(record['raw'])}${variants})`;
  }
  if (record['status'] === 'unresolved') return `${t.unresolved(String(record['reason']))} (${quote(record['raw'])})`;
  if (typeof record['type'] === 'string' && record['params'] !== null && typeof record['params'] === 'object' && !Array.isArray(record['params'])) {
    const params = Object.entries(record['params'] as { readonly [key: string]: DiffValue }).map(
      ([key, member]) => `${key}=${typeof member === 'string' ? member : vi && isLocalizedText(member) ? member.vi : canonicalJson(member)}`,
    );
    return `${record['type']}: ${params.join(', ')}`;
  }
  if (typeof record['raw'] === 'string' && Object.keys(record).every((key) => key === 'raw' || key === 'amount' || key === 'free')) {
    const parts = [record['free'] === true ? t.free : '', typeof record['amount'] === 'number' ? `${record['amount']} VND` : ''].filter(Boolean);
    return parts.length === 0 ? quote(record['raw']) : `${parts.join(', ')} (${quote(record['raw'])})`;
  }
  return canonicalJson(value);
}

function quote(value: DiffValue | undefined): string {
  return typeof value === 'string' ? JSON.stringify(value.replace(/\s*\n\s*/g, ' ')) : '""';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function routingLine(diff: DatasetDiff, t: Words): string {
  const { routing } = diff;
  if (routing.scope === 'none') return t.notCompared;
  const scope = routing.scope === 'all' ? t.scopeAll : t.scopeChanged;
  return t.decide(diff.summary.routingChanged, scope, routing.proceduresRouted, routing.routes);
}

function requestLines(diff: DatasetDiff, t: Words): string[] {
  const { residence } = STANDARD_UNITS;
  const vi = t === WORDS.vi;
  return [
    t.received(diff.routing.receivedAt, `${residence.name} (${residence.code}), ${residence.provinceName} (${residence.province})`),
    ...diff.routing.requests.map((request) => `${request.id}: ${vi ? requestDescriptionVi(request) : request.description}${request.appliesTo === 'local' ? t.local : ''}`),
  ];
}

/** A request's description in Vietnamese; a standard request read back from English JSON gets its own. */
function requestDescriptionVi(request: StandardRequest): string {
  if (request.descriptionVi !== undefined) return request.descriptionVi;
  const standard = STANDARD_REQUESTS.find((candidate) => candidate.id === request.id && candidate.description === request.description);
  return standard?.descriptionVi ?? request.description;
}

/** An entry's effect in the language, the English where a diff carries no Vietnamese. */
function effectOf(entry: EntrySummary, t: Words): string {
  return t === WORDS.vi && entry.effectVi !== undefined ? entry.effectVi : entry.effect;
}

/** The old and new values of a field in the language. */
function valuesOf(change: FieldChange, t: Words): { old: DiffValue; new: DiffValue } {
  const vi = t === WORDS.vi;
  return { old: vi && change.oldVi !== undefined ? change.oldVi : change.old, new: vi && change.newVi !== undefined ? change.newVi : change.new };
}

/** The old and new values of a decision part in the language, `(none)` for no value. */
function partValuesOf(part: DecisionPartChange, t: Words): { old: string; new: string } {
  const vi = t === WORDS.vi;
  const old = vi && part.oldVi !== undefined ? part.oldVi : part.old;
  const now = vi && part.newVi !== undefined ? part.newVi : part.new;
  return { old: old ?? t.none, new: now ?? t.none };
}

/** Routing changes grouped by procedure, in order. */
function byProcedure(changes: readonly RoutingChange[]): { code: string; name: string; changes: RoutingChange[] }[] {
  const groups: { code: string; name: string; changes: RoutingChange[] }[] = [];
  for (const change of changes) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.code === change.procedure) last.changes.push(change);
    else groups.push({ code: change.procedure, name: change.name, changes: [change] });
  }
  return groups;
}

// ---------------------------------------------------------------- text

/** The diff for a terminal: counts first, then every change, then the standard requests. */
export function formatDiffText(diff: DatasetDiff, options: FormatDiffOptions = {}): string {
  expectDiff(diff);
  expectOptions(options);
  const lang = langOf(options);
  const t: Words = WORDS[lang];
  const lines: string[] = [];
  if (options.labels !== undefined) lines.push(`tthc diff ${options.labels.old} -> ${options.labels.new}`, '');
  const { summary } = diff;
  lines.push(
    `${t.labels.procedures}${t.counts(summary.procedures)}`,
    `${t.labels.units}${t.counts(summary.units)}`,
    `${t.labels.rules}${t.counts(summary.rules)}`,
    `${t.labels.overrides}${t.counts(summary.overrides)}`,
    `${t.labels.bodies}${t.counts(summary.bodies)}`,
    `${t.labels.calendar}${diff.calendar === null ? t.unchanged : `${t.changed} (${diff.calendar.old} -> ${diff.calendar.new})`}`,
    `${t.labels.routing}${routingLine(diff, t)}`,
  );
  if (isEmptyDiff(diff)) {
    lines.push('', t.noDifferences);
    return `${lines.join('\n')}\n`;
  }
  const fieldLines = (changes: readonly FieldChange[]): string[] =>
    changes.map((change) => {
      const values = valuesOf(change, t);
      return `      ${change.field}: ${formatDiffValue(values.old, MAX_VALUE, lang)} -> ${formatDiffValue(values.new, MAX_VALUE, lang)}`;
    });
  const section = (title: string, body: string[]): void => {
    if (body.length > 0) lines.push('', title, ...body);
  };
  const { kinds } = t;

  section(t.added(kinds.procedures), diff.procedures.added.map((p) => `  + ${p.code} ${p.name} [${p.levels.join(', ')}]`));
  section(t.removed(kinds.procedures), diff.procedures.removed.map((p) => `  - ${p.code} ${p.name} [${p.levels.join(', ')}]`));
  section(t.changedSection(kinds.procedures), diff.procedures.changed.flatMap((p) => [`  ~ ${p.code} ${p.name}`, ...fieldLines(p.changes)]));
  section(t.added(kinds.units), diff.units.added.map((u) => `  + ${u.code} ${u.name} (${u.level})`));
  section(t.removed(kinds.units), diff.units.removed.map((u) => `  - ${u.code} ${u.name} (${u.level})`));
  section(t.changedSection(kinds.units), diff.units.changed.flatMap((u) => [`  ~ ${u.code} ${u.name}`, ...fieldLines(u.changes)]));
  const where = (file: string | null): string => (file === null ? '' : ` (${file})`);
  section(t.added(kinds.rules), diff.rules.added.flatMap((r) => [`  + ${r.id}${where(r.file)}`, `      ${effectOf(r, t)}`]));
  section(t.removed(kinds.rules), diff.rules.removed.flatMap((r) => [`  - ${r.id}${where(r.file)}`, `      ${effectOf(r, t)}`]));
  section(t.changedSection(kinds.rules), diff.rules.changed.flatMap((r) => [`  ~ ${r.id}${where(r.file)}`, ...fieldLines(r.changes)]));
  section(t.added(kinds.overrides), diff.overrides.added.flatMap((o) => [`  + ${o.id}${where(o.file)}`, `      ${effectOf(o, t)}`]));
  section(t.removed(kinds.overrides), diff.overrides.removed.flatMap((o) => [`  - ${o.id}${where(o.file)}`, `      ${effectOf(o, t)}`]));
  section(t.changedSection(kinds.overrides), diff.overrides.changed.flatMap((o) => [`  ~ ${o.id}${where(o.file)}`, ...fieldLines(o.changes)]));
  section(t.added(kinds.bodies), diff.bodies.added.flatMap((b) => [`  + ${b.id} ${b.description}`, `      ${effectOf(b, t)}`]));
  section(t.removed(kinds.bodies), diff.bodies.removed.flatMap((b) => [`  - ${b.id} ${b.description}`, `      ${effectOf(b, t)}`]));
  section(t.changedSection(kinds.bodies), diff.bodies.changed.flatMap((b) => [`  ~ ${b.id} ${b.description}`, ...fieldLines(b.changes)]));
  section(
    t.routingChanges,
    byProcedure(diff.routing.changes).flatMap((group) => [
      `  ${group.code} ${group.name}`,
      ...group.changes.flatMap((change) => [
        `    ${change.request}:`,
        ...change.changes.map((part) => {
          const values = partValuesOf(part, t);
          return `      ${part.part}: ${values.old} -> ${values.new}`;
        }),
      ]),
    ]),
  );
  if (diff.routing.scope !== 'none') section(t.standardRequests, requestLines(diff, t).map((line) => `  ${line}`));
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- markdown

const DETAILS_AFTER = 10;

/** Escapes text for a markdown table cell: pipes, line breaks and HTML. */
export function escapeCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

/**
 * The diff as a pull-request comment: a heading, the counts, then a table per kind of change (long ones folded in
 * `<details>`), then the standard requests.
 */
export function formatDiffMarkdown(diff: DatasetDiff, options: FormatDiffOptions = {}): string {
  expectDiff(diff);
  expectOptions(options);
  const lang = langOf(options);
  const t: Words = WORDS[lang];
  const maxRows = options.maxRows ?? 200;
  const out: string[] = [];
  out.push(options.labels === undefined ? '## tthc diff' : `## tthc diff: \`${options.labels.old}\` → \`${options.labels.new}\``, '');
  const { summary } = diff;
  const { kinds, column: c } = t;
  const countRow = (kind: string, counts: Counts): string => `| ${kind} | ${counts.added} | ${counts.removed} | ${counts.changed} |`;
  out.push(
    `| | ${t.header.added} | ${t.header.removed} | ${t.header.changed} |`,
    '| --- | ---: | ---: | ---: |',
    countRow(kinds.procedures, summary.procedures),
    countRow(kinds.units, summary.units),
    countRow(kinds.rules, summary.rules),
    countRow(kinds.overrides, summary.overrides),
    countRow(kinds.bodies, summary.bodies),
    '',
    `**${t.calendarMd}:** ${diff.calendar === null ? t.unchanged : `${t.changed} (\`${diff.calendar.old}\` → \`${diff.calendar.new}\`)`}  `,
    `**${t.routingMd}:** ${escapeCell(routingLine(diff, t))}`,
  );
  if (isEmptyDiff(diff)) {
    out.push('', t.noDifferences);
    return `${out.join('\n')}\n`;
  }

  const table = (title: string, header: readonly string[], rows: readonly (readonly string[])[]): void => {
    if (rows.length === 0) return;
    const shown = rows.slice(0, maxRows);
    const body = [
      `| ${header.join(' | ')} |`,
      `| ${header.map(() => '---').join(' | ')} |`,
      ...shown.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
    ];
    if (rows.length > shown.length) body.push('', t.more(rows.length - shown.length));
    out.push('', `### ${title}`, '');
    if (rows.length > DETAILS_AFTER) out.push(`<details><summary>${t.rows(rows.length)}</summary>`, '', ...body, '', '</details>');
    else out.push(...body);
  };
  const fieldRows = (key: string, name: string, changes: readonly FieldChange[]): string[][] =>
    changes.map((change, index) => {
      const values = valuesOf(change, t);
      return [index === 0 ? key : '', index === 0 ? name : '', change.field, formatDiffValue(values.old, MAX_VALUE, lang), formatDiffValue(values.new, MAX_VALUE, lang)];
    });
  const file = (value: string | null): string => value ?? '';
  const added = (kind: string, count: number): string => `${t.added(kind)} (${count})`;
  const removed = (kind: string, count: number): string => `${t.removed(kind)} (${count})`;
  const changed = (kind: string, count: number): string => `${t.changedSection(kind)} (${count})`;

  table(added(kinds.procedures, diff.procedures.added.length), [c.code, c.name, c.levels], diff.procedures.added.map((p) => [p.code, p.name, p.levels.join(', ')]));
  table(removed(kinds.procedures, diff.procedures.removed.length), [c.code, c.name, c.levels], diff.procedures.removed.map((p) => [p.code, p.name, p.levels.join(', ')]));
  table(
    changed(kinds.procedures, diff.procedures.changed.length),
    [c.code, c.name, c.field, c.old, c.new],
    diff.procedures.changed.flatMap((p) => fieldRows(p.code, p.name, p.changes)),
  );
  table(added(kinds.units, diff.units.added.length), [c.code, c.name, c.level], diff.units.added.map((u) => [u.code, u.name, u.level]));
  table(removed(kinds.units, diff.units.removed.length), [c.code, c.name, c.level], diff.units.removed.map((u) => [u.code, u.name, u.level]));
  table(changed(kinds.units, diff.units.changed.length), [c.code, c.name, c.field, c.old, c.new], diff.units.changed.flatMap((u) => fieldRows(u.code, u.name, u.changes)));
  table(added(kinds.rules, diff.rules.added.length), [c.rule, c.file, c.effect], diff.rules.added.map((r) => [r.id, file(r.file), effectOf(r, t)]));
  table(removed(kinds.rules, diff.rules.removed.length), [c.rule, c.file, c.effect], diff.rules.removed.map((r) => [r.id, file(r.file), effectOf(r, t)]));
  table(changed(kinds.rules, diff.rules.changed.length), [c.rule, c.file, c.field, c.old, c.new], diff.rules.changed.flatMap((r) => fieldRows(r.id, file(r.file), r.changes)));
  table(added(kinds.overrides, diff.overrides.added.length), [c.override, c.file, c.effect], diff.overrides.added.map((o) => [o.id, file(o.file), effectOf(o, t)]));
  table(removed(kinds.overrides, diff.overrides.removed.length), [c.override, c.file, c.effect], diff.overrides.removed.map((o) => [o.id, file(o.file), effectOf(o, t)]));
  table(changed(kinds.overrides, diff.overrides.changed.length), [c.override, c.file, c.field, c.old, c.new], diff.overrides.changed.flatMap((o) => fieldRows(o.id, file(o.file), o.changes)));
  table(added(kinds.bodies, diff.bodies.added.length), [c.body, c.name, c.effect], diff.bodies.added.map((b) => [b.id, b.description, effectOf(b, t)]));
  table(removed(kinds.bodies, diff.bodies.removed.length), [c.body, c.name, c.effect], diff.bodies.removed.map((b) => [b.id, b.description, effectOf(b, t)]));
  table(changed(kinds.bodies, diff.bodies.changed.length), [c.body, c.name, c.field, c.old, c.new], diff.bodies.changed.flatMap((b) => fieldRows(b.id, b.description, b.changes)));
  const groups = byProcedure(diff.routing.changes);
  table(
    `${t.routingChanges} (${t.procedures(groups.length)})`,
    [c.procedure, c.request, c.part, c.old, c.new],
    groups.flatMap((group) =>
      group.changes.flatMap((change, changeIndex) =>
        change.changes.map((part, partIndex) => {
          const values = partValuesOf(part, t);
          return [changeIndex === 0 && partIndex === 0 ? `${group.code} ${group.name}` : '', partIndex === 0 ? change.request : '', part.part, values.old, values.new];
        }),
      ),
    ),
  );
  if (diff.routing.scope !== 'none') {
    out.push('', `<details><summary>${t.standardRequests}</summary>`, '', ...requestLines(diff, t).map((line) => `- ${escapeCell(line)}`), '', '</details>');
  }
  return `${out.join('\n')}\n`;
}
