import { catalogStats } from '../../catalog/catalog.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { CompiledRuleSet } from '../../rules/types.js';
import { loadCompleteDataset } from '../cache.js';
import { InvalidDataError } from '../../errors.js';
import { checkCoverage } from '../../routing/coverage.js';
import { formatOption, langOption, UsageError } from '../command.js';
import type { CliIo, Command, CommandArgs } from '../command.js';
import { dataPathsFor, loadDatasetFromPaths } from '../load.js';
import { dataOption, dateOption } from '../option-values.js';
import { _showControls } from '../../format/_strings.js';
import { DEADLINE_STATUS_TEXT, LEVEL_TEXT, UNIT_TEXT, UNRESOLVED_REASON_TEXT, wordFor } from '../../words.js';

const USAGE = `Usage: tthc stats [--data <dir>]... [--as-of YYYY-MM-DD] [--format text|json] [--lang vi|en]

Counts procedures, provinces and communes, procedures by level and sector, channel deadlines by status, unit,
unresolved reason and basis (the record's texts or an override citing the law), and (with rules) the procedures
whose competent level the rules cannot decide. Overrides apply as in force on --as-of (default: those without an
end date).
Data: --data directories, else catalog/ and rules/ here, else the data shipped with tthc.
--lang vi|en: the language of the text (default from LC_ALL, LC_MESSAGES or LANG); the JSON keys are codes.
`;

/** The text's labels and sentences, per language. */
const TEXT = {
  en: {
    procedures: 'procedures',
    provinces: 'provinces',
    communes: 'communes',
    legacyLinks: 'legacy links',
    byLevel: 'by level',
    overrides: 'overrides',
    channelDeadlines: 'channel deadlines',
    byUnit: 'deadlines by unit',
    unresolved: 'unresolved deadlines',
    unresolvedNote: 'each listed by "tthc validate" as DEADLINE_UNRESOLVED',
    datedByCase: 'dated by case',
    datedByCaseText: (count: number) => `${count} conditional deadlines list cases counted from receipt: a request that names its case (deadlineVariant, --deadline-variant) gets a due date`,
    byBasis: 'deadlines by basis',
    sectors: 'sectors',
    competenceBasis: 'competence basis',
    coverage: 'rule coverage',
    coverageText: (single: number, covered: number, named: number, caseFact: number, levels: number) =>
      `${single} single level, ${covered} several levels decided by their record or a rule, ${named} decided by a named body at the tier managing the case, ${caseFact + levels} undetermined (${caseFact} depend on a fact about the case, ${levels} record silent)`,
  },
  vi: {
    procedures: 'thủ tục',
    provinces: 'tỉnh, thành phố',
    communes: 'xã, phường, đặc khu',
    legacyLinks: 'liên kết đơn vị cũ',
    byLevel: 'theo cấp',
    overrides: 'điều chỉnh',
    channelDeadlines: 'thời hạn theo hình thức nộp',
    byUnit: 'theo đơn vị thời hạn',
    unresolved: 'chưa tính được ngày hẹn',
    unresolvedNote: '"tthc validate" liệt kê từng thời hạn với mã DEADLINE_UNRESOLVED',
    datedByCase: 'có ngày hẹn theo trường hợp',
    datedByCaseText: (count: number) => `${count} thời hạn tùy từng trường hợp có nêu các trường hợp tính từ ngày tiếp nhận hồ sơ: yêu cầu nêu rõ trường hợp (deadlineVariant, --deadline-variant) thì có ngày hẹn trả kết quả`,
    byBasis: 'theo căn cứ',
    sectors: 'lĩnh vực',
    competenceBasis: 'căn cứ thẩm quyền',
    coverage: 'quy tắc xác định cấp',
    coverageText: (single: number, covered: number, named: number, caseFact: number, levels: number) =>
      `${single} thực hiện ở một cấp, ${covered} nhiều cấp được hồ sơ hoặc quy tắc xác định, ${named} do cơ quan được nêu tên giải quyết ở cấp quản lý vụ việc, ${caseFact + levels} chưa xác định (${caseFact} tùy tình tiết vụ việc, ${levels} hồ sơ không nêu)`,
  },
} as const;


const USAGE_VI = `Cách dùng: tthc stats [--data <thư-mục>]... [--as-of YYYY-MM-DD] [--format text|json] [--lang vi|en]

Đếm thủ tục, tỉnh và xã, thủ tục theo cấp và lĩnh vực, thời hạn giải quyết theo hình thức nộp theo trạng thái, đơn vị,
lý do chưa xác định và căn cứ (nội dung hồ sơ công bố hoặc điều chỉnh theo văn bản pháp luật), và (khi có quy tắc) các
thủ tục mà quy tắc chưa xác định được cấp có thẩm quyền. Các điều chỉnh được áp dụng theo hiệu lực tại ngày --as-of
(mặc định: các điều chỉnh không có ngày hết hiệu lực).
Dữ liệu: các thư mục --data, nếu không có thì catalog/ và rules/ tại đây, nếu không có nữa thì dữ liệu kèm theo tthc.
--lang vi|en: ngôn ngữ của văn bản (mặc định theo LC_ALL, LC_MESSAGES hoặc LANG); khóa JSON là mã.
`;

export const statsCommand: Command = {
  name: 'stats',
  summary: 'count procedures, units, deadlines by unit and rule coverage',
  summaryVi: 'thống kê thủ tục, đơn vị hành chính, thời hạn giải quyết và mức bao phủ của quy tắc',
  usageVi: USAGE_VI,
  usage: USAGE,
  options: { format: { type: 'string' }, data: { type: 'string', multiple: true }, 'as-of': { type: 'string' }, lang: { type: 'string' } },
  async run(args: CommandArgs, io: CliIo): Promise<number> {
    const format = formatOption(args, ['text', 'json'] as const, 'text');
    const lang = langOption(args, io);
    const asOf = dateOption(args, 'as-of');
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`, `đối số thừa "${args.positionals[0]}"`);
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
      datedByCase: stats.datedByCase,
      byCompetenceBasis: stats.byCompetenceBasis,
      ...(checked === undefined ? {} : { coverage: { ...checked.coverage.counts, undeterminedByReason: checked.undetermined } }),
    };
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const t = TEXT[lang];
    const words = (table: Readonly<Record<string, { readonly vi: string; readonly en: string }>>) => (code: string) => wordFor(table, code, lang);
    const rows: [string, string][] = [
      [t.procedures, `${stats.procedures}`],
      [t.provinces, `${stats.provinces}`],
      [t.communes, `${stats.communes}`],
      [t.legacyLinks, `${stats.legacyLinks}`],
      [t.byLevel, Object.entries(stats.byLevel).map(([level, count]) => `${words(LEVEL_TEXT)(level)} ${count}`).join(', ')],
      [t.overrides, `${stats.overrides}`],
      [t.channelDeadlines, `${stats.channelDeadlines}: ${list(stats.byDeadlineStatus, words(DEADLINE_STATUS_TEXT))}`],
      [t.byUnit, list(stats.byDeadlineUnit, (code) => (code in DEADLINE_STATUS_TEXT ? words(DEADLINE_STATUS_TEXT)(code) : code === 'staged' ? (lang === 'vi' ? 'nhiều giai đoạn' : code) : words(UNIT_TEXT)(code)))],
      [t.unresolved, `${stats.unresolvedDeadlines} (${percent(stats.unresolvedDeadlines, stats.channelDeadlines)}; ${t.unresolvedNote}): ${list(stats.byUnresolvedReason, words(UNRESOLVED_REASON_TEXT))}`],
      [t.datedByCase, t.datedByCaseText(stats.datedByCase)],
      [t.byBasis, list(stats.byDeadlineBasis)],
      [t.sectors, `${Object.keys(stats.bySector).length}`],
      [t.competenceBasis, list(stats.byCompetenceBasis)],
    ];
    if (coverage !== undefined && checked !== undefined) {
      const { namedBody, caseFact, levels } = checked.undetermined;
      rows.push([t.coverage, t.coverageText(coverage.counts.singleLevel, coverage.counts.multiLevelCovered, namedBody, caseFact, levels)]);
    }
    const width = Math.max(...rows.map(([label]) => label.length)) + 1;
    const lines = rows.map(([label, value]) => `${label.padEnd(width)}${value}`);
    io.stdout.write(`${_showControls(lines.join('\n'))}\n`);
    return 0;
  },
};

function list(counts: Readonly<Record<string, number | undefined>>, name: (code: string) => string = (code) => code): string {
  return Object.entries(counts)
    .filter((entry): entry is [string, number] => entry[1] !== undefined && entry[1] > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key, count]) => `${name(key)} ${count}`)
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
    throw new InvalidDataError(
      {
        en: `no valid catalogue in ${paths.join(', ')} (${errors.length} errors; run "tthc validate")`,
        vi: `không có danh mục hợp lệ trong ${paths.join(', ')} (${errors.length} lỗi; hãy chạy "tthc validate" để kiểm tra)`,
      },
      errors,
    );
  }
  return { catalog, rules };
}
