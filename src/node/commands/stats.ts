import { catalogStats } from '../../catalog/catalog.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { CompiledRuleSet } from '../../rules/types.js';
import { loadCompleteDataset } from '../cache.js';
import { InvalidDataError } from '../../errors.js';
import { checkCoverage } from '../../routing/coverage.js';
import { formatOption, UsageError } from '../command.js';
import type { CliIo, Command, CommandArgs } from '../command.js';
import { dataPathsFor, loadDatasetFromPaths } from '../load.js';
import { dataOption, dateOption } from '../option-values.js';
import { _showControls } from '../../format/_strings.js';

const USAGE = `Usage: tthc stats [--data <dir>]... [--as-of YYYY-MM-DD] [--format text|json]

Counts procedures, provinces and communes, procedures by level and sector, channel deadlines by status, unit,
unresolved reason and basis (the record's texts or an override citing the law), and (with rules) the procedures
whose competent level the rules cannot decide. Overrides apply as in force on --as-of (default: those without an
end date).
Data: --data directories, else catalog/ and rules/ here, else the data shipped with tthc.
`;

export const statsCommand: Command = {
  name: 'stats',
  summary: 'count procedures, units, deadlines by unit and rule coverage',
  usage: USAGE,
  options: { format: { type: 'string' }, data: { type: 'string', multiple: true }, 'as-of': { type: 'string' } },
  async run(args: CommandArgs, io: CliIo): Promise<number> {
    const format = formatOption(args, ['text', 'json'] as const, 'text');
    const asOf = dateOption(args, 'as-of');
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const paths = dataPathsFor(io.cwd, dataOption(args, io.cwd));
    const { catalog, rules } = await loadForStats(paths, io.cwd, (line) => io.stderr.write(`${line}\n`));
    const stats = catalogStats(catalog, asOf === undefined ? {} : { asOf });
    const checked = rules === undefined ? undefined : checkCoverage(catalog, rules, asOf);
    const coverage = checked?.coverage;
    const report = {
      procedures: stats.procedures,
      provinces: stats.provinces,
      communes: stats.communes,
      legacyLinks: stats.legacyLinks,
      byLevel: stats.byLevel,
      bySector: stats.bySector,
      overrides: stats.overrides,
      channelDeadlines: stats.channelDeadlines,
      byDeadlineStatus: stats.byDeadlineStatus,
      byDeadlineUnit: stats.byDeadlineUnit,
      byUnresolvedReason: stats.byUnresolvedReason,
      byDeadlineBasis: stats.byDeadlineBasis,
      unresolvedDeadlines: stats.unresolvedDeadlines,
      byCompetenceBasis: stats.byCompetenceBasis,
      ...(checked === undefined ? {} : { coverage: { ...checked.coverage.counts, undeterminedByReason: checked.undetermined } }),
    };
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `procedures           ${stats.procedures}`,
      `provinces            ${stats.provinces}`,
      `communes             ${stats.communes}`,
      `legacy links         ${stats.legacyLinks}`,
      `by level             ${Object.entries(stats.byLevel).map(([level, count]) => `${level} ${count}`).join(', ')}`,
      `overrides            ${stats.overrides}`,
      `channel deadlines    ${stats.channelDeadlines}: ${list(stats.byDeadlineStatus)}`,
      `deadlines by unit    ${list(stats.byDeadlineUnit)}`,
      `unresolved deadlines ${stats.unresolvedDeadlines} (${percent(stats.unresolvedDeadlines, stats.channelDeadlines)}; each listed by "tthc validate" as DEADLINE_UNRESOLVED): ${list(stats.byUnresolvedReason)}`,
      `deadlines by basis   ${list(stats.byDeadlineBasis)}`,
      `sectors              ${Object.keys(stats.bySector).length}`,
    ];
    lines.push(`competence basis     ${list(stats.byCompetenceBasis)}`);
    if (coverage !== undefined && checked !== undefined) {
      const { namedBody, caseFact, levels } = checked.undetermined;
      lines.push(
        `rule coverage        ${coverage.counts.singleLevel} single level, ${coverage.counts.multiLevelCovered} several levels decided by their record or a rule, ${namedBody} decided by a named body at the tier managing the case, ${caseFact + levels} undetermined (${caseFact} depend on a fact about the case, ${levels} record silent)`,
      );
    }
    io.stdout.write(`${_showControls(lines.join('\n'))}\n`);
    return 0;
  },
};

function list(counts: Readonly<Record<string, number | undefined>>): string {
  return Object.entries(counts)
    .filter((entry): entry is [string, number] => entry[1] !== undefined && entry[1] > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((part / whole) * 100).toFixed(1)}%`;
}

/** The catalogue (and rules when present): from the snapshot when the data is complete and unchanged, else parsed. */
async function loadForStats(paths: readonly string[], cwd: string, onWarning: (line: string) => void): Promise<{ catalog: Catalog; rules: CompiledRuleSet | undefined }> {
  try {
    const complete = await loadCompleteDataset(paths, { cwd, onWarning });
    return { catalog: complete.catalog, rules: complete.rules };
  } catch (error) {
    // Data with errors is reported as such; only a set lacking a part (a catalogue alone) is parsed again below.
    if (error instanceof InvalidDataError) throw error;
  }
  const loaded = await loadDatasetFromPaths(paths, { cwd });
  const { catalog, rules } = loaded.dataset;
  if (catalog === undefined) {
    const errors = loaded.issues.filter((issue) => issue.severity === 'error');
    throw new InvalidDataError(`no valid catalogue in ${paths.join(', ')} (${errors.length} errors; run "tthc validate")`, errors);
  }
  return { catalog, rules };
}
