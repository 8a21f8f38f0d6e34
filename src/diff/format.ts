/**
 * Presenting a {@link DatasetDiff}: text for a terminal, stable JSON, and markdown ready to paste as a pull-request
 * comment. Pure functions, browser-safe.
 */
import { canonicalJson } from '../rules/hash.js';
import { periodText } from '../vocabulary.js';
import { isEmptyDiff } from './diff.js';
import { STANDARD_UNITS } from './requests.js';
import type { DatasetDiff, DiffValue, FieldChange, RoutingChange } from './types.js';
import { expectDiff, expectOptions } from '../arguments.js';

/** Options of the diff formatters. */
export interface FormatDiffOptions {
  /** How the two sides are named in the heading (a directory or a git ref). */
  readonly labels?: { readonly old: string; readonly new: string };
  /** Markdown only: most rows shown per table before the rest is elided (default 200). */
  readonly maxRows?: number;
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
  const value = options.labels === undefined ? diff : { sides: { old: options.labels.old, new: options.labels.new }, ...diff };
  return `${JSON.stringify(value, null, 2)}\n`;
}

const MAX_VALUE = 160;

/** A field value in one line for people: deadlines and fees in words, lists joined, other data as compact JSON. */
export function formatDiffValue(value: DiffValue, max = MAX_VALUE): string {
  const text = describeValue(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describeValue(value: DiffValue): string {
  if (value === null) return '(none)';
  if (typeof value === 'string') return value === '' ? '""' : value.replace(/\s*\n\s*/g, ' ');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '(empty)';
    if (value.every((item) => typeof item === 'string')) return value.join(', ');
    return canonicalJson(value);
  }
  const record = value as { readonly [key: string]: DiffValue };
  if (record['status'] === 'resolved' && typeof record['unit'] === 'string') {
    const variants = Array.isArray(record['variants']) ? `, ${record['variants'].length} variant${record['variants'].length === 1 ? '' : 's'}` : '';
    const amount =
      record['unit'] === 'same-day'
        ? 'same day'
        : periodText(record as unknown as { readonly value: number; readonly unit: string; readonly followedBy?: readonly { readonly value: number; readonly unit: string }[] });
    return `${amount} (${quote(record['raw'])}${variants})`;
  }
  if (record['status'] === 'unresolved') return `unresolved, ${String(record['reason'])} (${quote(record['raw'])})`;
  if (typeof record['type'] === 'string' && record['params'] !== null && typeof record['params'] === 'object' && !Array.isArray(record['params'])) {
    const params = Object.entries(record['params'] as { readonly [key: string]: DiffValue }).map(
      ([key, member]) => `${key}=${typeof member === 'string' ? member : canonicalJson(member)}`,
    );
    return `${record['type']}: ${params.join(', ')}`;
  }
  if (typeof record['raw'] === 'string' && Object.keys(record).every((key) => key === 'raw' || key === 'amount' || key === 'free')) {
    const parts = [record['free'] === true ? 'free' : '', typeof record['amount'] === 'number' ? `${record['amount']} VND` : ''].filter(Boolean);
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

function counts(c: { added: number; removed: number; changed: number }): string {
  return `${c.added} added, ${c.removed} removed, ${c.changed} changed`;
}

function routingLine(diff: DatasetDiff): string {
  const { routing } = diff;
  if (routing.scope === 'none') return 'not compared (no procedure, unit, rule, override or calendar change)';
  const scope = routing.scope === 'all' ? 'every procedure on both sides' : 'the changed and overridden procedures';
  return `${plural(diff.summary.routingChanged, 'procedure')} decide${diff.summary.routingChanged === 1 ? 's' : ''} differently (${scope}: ${plural(routing.proceduresRouted, 'procedure')}, ${plural(routing.routes, 'request')} compared)`;
}

function requestLines(diff: DatasetDiff): string[] {
  const { residence } = STANDARD_UNITS;
  return [
    `received ${diff.routing.receivedAt}; the applicant lives in ${residence.name} (${residence.code}), ${residence.provinceName} (${residence.province})`,
    ...diff.routing.requests.map(
      (request) => `${request.id}: ${request.description}${request.appliesTo === 'local' ? ' (commune- and province-level procedures)' : ''}`,
    ),
  ];
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
  const lines: string[] = [];
  if (options.labels !== undefined) lines.push(`tthc diff ${options.labels.old} -> ${options.labels.new}`, '');
  const { summary } = diff;
  lines.push(
    `Procedures: ${counts(summary.procedures)}`,
    `Units:      ${counts(summary.units)}`,
    `Rules:      ${counts(summary.rules)}`,
    `Overrides:  ${counts(summary.overrides)}`,
    `Bodies:     ${counts(summary.bodies)}`,
    `Calendar:   ${diff.calendar === null ? 'unchanged' : `changed (${diff.calendar.old} -> ${diff.calendar.new})`}`,
    `Routing:    ${routingLine(diff)}`,
  );
  if (isEmptyDiff(diff)) {
    lines.push('', 'No differences.');
    return `${lines.join('\n')}\n`;
  }
  const fieldLines = (changes: readonly FieldChange[]): string[] =>
    changes.map((change) => `      ${change.field}: ${formatDiffValue(change.old)} -> ${formatDiffValue(change.new)}`);
  const section = (title: string, body: string[]): void => {
    if (body.length > 0) lines.push('', title, ...body);
  };

  section('Procedures added', diff.procedures.added.map((p) => `  + ${p.code} ${p.name} [${p.levels.join(', ')}]`));
  section('Procedures removed', diff.procedures.removed.map((p) => `  - ${p.code} ${p.name} [${p.levels.join(', ')}]`));
  section('Procedures changed', diff.procedures.changed.flatMap((p) => [`  ~ ${p.code} ${p.name}`, ...fieldLines(p.changes)]));
  section('Units added', diff.units.added.map((u) => `  + ${u.code} ${u.name} (${u.level})`));
  section('Units removed', diff.units.removed.map((u) => `  - ${u.code} ${u.name} (${u.level})`));
  section('Units changed', diff.units.changed.flatMap((u) => [`  ~ ${u.code} ${u.name}`, ...fieldLines(u.changes)]));
  const where = (file: string | null): string => (file === null ? '' : ` (${file})`);
  section('Rules added', diff.rules.added.flatMap((r) => [`  + ${r.id}${where(r.file)}`, `      ${r.effect}`]));
  section('Rules removed', diff.rules.removed.flatMap((r) => [`  - ${r.id}${where(r.file)}`, `      ${r.effect}`]));
  section('Rules changed', diff.rules.changed.flatMap((r) => [`  ~ ${r.id}${where(r.file)}`, ...fieldLines(r.changes)]));
  section('Overrides added', diff.overrides.added.flatMap((o) => [`  + ${o.id}${where(o.file)}`, `      ${o.effect}`]));
  section('Overrides removed', diff.overrides.removed.flatMap((o) => [`  - ${o.id}${where(o.file)}`, `      ${o.effect}`]));
  section('Overrides changed', diff.overrides.changed.flatMap((o) => [`  ~ ${o.id}${where(o.file)}`, ...fieldLines(o.changes)]));
  section('Abolished bodies added', diff.bodies.added.flatMap((b) => [`  + ${b.id} ${b.description}`, `      ${b.effect}`]));
  section('Abolished bodies removed', diff.bodies.removed.flatMap((b) => [`  - ${b.id} ${b.description}`, `      ${b.effect}`]));
  section('Abolished bodies changed', diff.bodies.changed.flatMap((b) => [`  ~ ${b.id} ${b.description}`, ...fieldLines(b.changes)]));
  section(
    'Routing changes',
    byProcedure(diff.routing.changes).flatMap((group) => [
      `  ${group.code} ${group.name}`,
      ...group.changes.flatMap((change) => [
        `    ${change.request}:`,
        ...change.changes.map((part) => `      ${part.part}: ${part.old ?? '(none)'} -> ${part.new ?? '(none)'}`),
      ]),
    ]),
  );
  if (diff.routing.scope !== 'none') section('Standard requests', requestLines(diff).map((line) => `  ${line}`));
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
  const maxRows = options.maxRows ?? 200;
  const out: string[] = [];
  out.push(options.labels === undefined ? '## tthc diff' : `## tthc diff: \`${options.labels.old}\` → \`${options.labels.new}\``, '');
  const { summary } = diff;
  out.push(
    '| | Added | Removed | Changed |',
    '| --- | ---: | ---: | ---: |',
    `| Procedures | ${summary.procedures.added} | ${summary.procedures.removed} | ${summary.procedures.changed} |`,
    `| Units | ${summary.units.added} | ${summary.units.removed} | ${summary.units.changed} |`,
    `| Rules | ${summary.rules.added} | ${summary.rules.removed} | ${summary.rules.changed} |`,
    `| Overrides | ${summary.overrides.added} | ${summary.overrides.removed} | ${summary.overrides.changed} |`,
    `| Abolished bodies | ${summary.bodies.added} | ${summary.bodies.removed} | ${summary.bodies.changed} |`,
    '',
    `**Calendar:** ${diff.calendar === null ? 'unchanged' : `changed (\`${diff.calendar.old}\` → \`${diff.calendar.new}\`)`}  `,
    `**Routing:** ${escapeCell(routingLine(diff))}`,
  );
  if (isEmptyDiff(diff)) {
    out.push('', 'No differences.');
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
    if (rows.length > shown.length) body.push('', `… and ${rows.length - shown.length} more rows; run \`tthc diff --format json\` for all.`);
    out.push('', `### ${title}`, '');
    if (rows.length > DETAILS_AFTER) out.push(`<details><summary>${plural(rows.length, 'row')}</summary>`, '', ...body, '', '</details>');
    else out.push(...body);
  };
  const fieldRows = (key: string, name: string, changes: readonly FieldChange[]): string[][] =>
    changes.map((change, index) => [index === 0 ? key : '', index === 0 ? name : '', change.field, formatDiffValue(change.old), formatDiffValue(change.new)]);
  const file = (value: string | null): string => value ?? '';

  table(`Procedures added (${diff.procedures.added.length})`, ['Code', 'Name', 'Levels'], diff.procedures.added.map((p) => [p.code, p.name, p.levels.join(', ')]));
  table(`Procedures removed (${diff.procedures.removed.length})`, ['Code', 'Name', 'Levels'], diff.procedures.removed.map((p) => [p.code, p.name, p.levels.join(', ')]));
  table(
    `Procedures changed (${diff.procedures.changed.length})`,
    ['Code', 'Name', 'Field', 'Old', 'New'],
    diff.procedures.changed.flatMap((p) => fieldRows(p.code, p.name, p.changes)),
  );
  table(`Units added (${diff.units.added.length})`, ['Code', 'Name', 'Level'], diff.units.added.map((u) => [u.code, u.name, u.level]));
  table(`Units removed (${diff.units.removed.length})`, ['Code', 'Name', 'Level'], diff.units.removed.map((u) => [u.code, u.name, u.level]));
  table(`Units changed (${diff.units.changed.length})`, ['Code', 'Name', 'Field', 'Old', 'New'], diff.units.changed.flatMap((u) => fieldRows(u.code, u.name, u.changes)));
  table(`Rules added (${diff.rules.added.length})`, ['Rule', 'File', 'Effect'], diff.rules.added.map((r) => [r.id, file(r.file), r.effect]));
  table(`Rules removed (${diff.rules.removed.length})`, ['Rule', 'File', 'Effect'], diff.rules.removed.map((r) => [r.id, file(r.file), r.effect]));
  table(`Rules changed (${diff.rules.changed.length})`, ['Rule', 'File', 'Field', 'Old', 'New'], diff.rules.changed.flatMap((r) => fieldRows(r.id, file(r.file), r.changes)));
  table(`Overrides added (${diff.overrides.added.length})`, ['Override', 'File', 'Effect'], diff.overrides.added.map((o) => [o.id, file(o.file), o.effect]));
  table(`Overrides removed (${diff.overrides.removed.length})`, ['Override', 'File', 'Effect'], diff.overrides.removed.map((o) => [o.id, file(o.file), o.effect]));
  table(`Overrides changed (${diff.overrides.changed.length})`, ['Override', 'File', 'Field', 'Old', 'New'], diff.overrides.changed.flatMap((o) => fieldRows(o.id, file(o.file), o.changes)));
  table(`Abolished bodies added (${diff.bodies.added.length})`, ['Body', 'Name', 'Effect'], diff.bodies.added.map((b) => [b.id, b.description, b.effect]));
  table(`Abolished bodies removed (${diff.bodies.removed.length})`, ['Body', 'Name', 'Effect'], diff.bodies.removed.map((b) => [b.id, b.description, b.effect]));
  table(`Abolished bodies changed (${diff.bodies.changed.length})`, ['Body', 'Name', 'Field', 'Old', 'New'], diff.bodies.changed.flatMap((b) => fieldRows(b.id, b.description, b.changes)));
  const groups = byProcedure(diff.routing.changes);
  table(
    `Routing changes (${plural(groups.length, 'procedure')})`,
    ['Procedure', 'Request', 'Part', 'Old', 'New'],
    groups.flatMap((group) =>
      group.changes.flatMap((change, changeIndex) =>
        change.changes.map((part, partIndex) => [
          changeIndex === 0 && partIndex === 0 ? `${group.code} ${group.name}` : '',
          partIndex === 0 ? change.request : '',
          part.part,
          part.old ?? '(none)',
          part.new ?? '(none)',
        ]),
      ),
    ),
  );
  if (diff.routing.scope !== 'none') {
    out.push('', '<details><summary>Standard requests</summary>', '', ...requestLines(diff).map((line) => `- ${escapeCell(line)}`), '', '</details>');
  }
  return `${out.join('\n')}\n`;
}
