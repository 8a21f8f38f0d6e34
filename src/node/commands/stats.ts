import { catalogStats } from '../../catalog/catalog.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { CompiledRuleSet } from '../../rules/types.js';
import { loadCompleteDataset } from '../cache.js';
import { InvalidDataError } from '../../errors.js';
import { checkCoverage } from '../../routing/coverage.js';
import { formatOption } from '../command.js';
import type { CliIo, Command, CommandArgs } from '../command.js';
import { dataPathsFor, loadDatasetFromPaths } from '../load.js';

const USAGE = `Usage: tthc stats [--data <dir>]... [--format text|json]

Counts procedures, provinces and communes, procedures by level, sector and deadline unit, unresolved deadlines,
and (with rules) the procedures whose competent level the rules cannot decide.
Data: --data directories, else catalog/ and rules/ here, else the data shipped with tthc.
`;

export const statsCommand: Command = {
  name: 'stats',
  summary: 'count procedures, units, deadlines by unit and rule coverage',
  usage: USAGE,
  options: { format: { type: 'string' }, data: { type: 'string', multiple: true } },
  async run(args: CommandArgs, io: CliIo): Promise<number> {
    const format = formatOption(args, ['text', 'json'] as const, 'text');
    const paths = dataPathsFor(io.cwd, args.values['data'] as readonly string[] | undefined);
    const { catalog, rules } = await loadForStats(paths, io.cwd);
    const stats = catalogStats(catalog);
    const coverage = rules === undefined ? undefined : checkCoverage(catalog, rules).coverage;
    const report = {
      procedures: stats.procedures,
      provinces: stats.provinces,
      communes: stats.communes,
      legacyLinks: stats.legacyLinks,
      byLevel: stats.byLevel,
      bySector: stats.bySector,
      byDeadlineUnit: stats.byDeadlineUnit,
      unresolvedDeadlines: stats.unresolvedDeadlines,
      ...(coverage === undefined ? {} : { coverage: coverage.counts }),
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
      `deadlines by unit    ${Object.entries(stats.byDeadlineUnit).map(([unit, count]) => `${unit} ${count}`).join(', ')}`,
      `unresolved deadlines ${stats.unresolvedDeadlines} (each listed by "tthc validate" as DEADLINE_UNRESOLVED)`,
      `sectors              ${Object.keys(stats.bySector).length}`,
    ];
    if (coverage !== undefined) {
      lines.push(
        `rule coverage        ${coverage.counts.singleLevel} single level, ${coverage.counts.multiLevelCovered} several levels decided by rules, ${coverage.counts.multiLevelUndetermined} several levels undetermined`,
      );
    }
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

/** The catalogue (and rules when present): from the snapshot when the data is complete and unchanged, else parsed. */
async function loadForStats(paths: readonly string[], cwd: string): Promise<{ catalog: Catalog; rules: CompiledRuleSet | undefined }> {
  try {
    const complete = await loadCompleteDataset(paths, { cwd });
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
