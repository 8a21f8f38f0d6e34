import { createRouter } from '../../routing/router.js';
import { langOption } from '../command.js';
import type { RouteDecision, RouteRequest } from '../../routing/types.js';
import { formatDecision } from '../../testing/format-decision.js';
import { formatIssues, summarizeIssues } from '../../format/index.js';
import { InvalidDataError } from '../../errors.js';
import { VERSION } from '../../version.js';
import type { CliIo, Command, CommandArgs } from '../command.js';
import { loadDatasetForPaths } from '../cache.js';
import { dataPathsFor, loadDatasetFromPaths } from '../load.js';
import { dataOption } from '../option-values.js';

const USAGE = `Usage: tthc test [paths...] [--data <dir>]... [--verbose] [--lang vi|en]

Runs scenario files (kind: scenarios): each case routes a request and compares the expected parts of the decision
(dotted paths such as competent.level, office.action, dueDate). Shows a diff and the decision's explanation for each
failure and ends with "N passed, N failed". Default paths: the scenarios/ directory here. --lang is the language of
the report, the explanations and the issues an invalid file gets (default: from LC_ALL / LC_MESSAGES / LANG).

Exit codes: 0 all passed, 1 a case failed or a file is invalid, 2 usage error.
`;

const USAGE_VI = `Cách dùng: tthc test [đường-dẫn...] [--data <thư-mục>]... [--verbose] [--lang vi|en]

Chạy các tệp kịch bản (kind: scenarios): mỗi trường hợp xác định một yêu cầu và so các phần mong đợi của kết quả
(đường dẫn như competent.level, office.action, dueDate). Với mỗi trường hợp sai, hiển thị phần khác biệt và phần giải
thích của kết quả; dòng cuối là "N đạt, N không đạt". Mặc định: thư mục scenarios/ tại đây. --lang là ngôn ngữ của báo
cáo, phần giải thích và các lỗi khi tệp không hợp lệ (mặc định theo LC_ALL / LC_MESSAGES / LANG).

Mã thoát: 0 tất cả đạt, 1 có trường hợp sai hoặc tệp không hợp lệ, 2 dùng sai lệnh.
`;

export const testCommand: Command = {
  name: 'test',
  summary: 'run scenario files against the routing rules; "N passed, N failed"',
  summaryVi: 'chạy các tệp kịch bản với các quy tắc; "N đạt, N không đạt"',
  usageVi: USAGE_VI,
  usage: USAGE,
  options: { data: { type: 'string', multiple: true }, verbose: { type: 'boolean' }, lang: { type: 'string' } },
  async run(args: CommandArgs, io: CliIo): Promise<number> {
    const lang = langOption(args, io);
    const data = dataOption(args, io.cwd);
    const paths = args.positionals.length > 0 ? [...args.positionals] : ['scenarios'];
    const scenarioFiles = await loadDatasetFromPaths(paths, { cwd: io.cwd, requirePaths: true });
    const errors = scenarioFiles.issues.filter((issue) => issue.severity === 'error');
    if (errors.length > 0) {
      io.stdout.write(formatIssues(errors, { format: 'text', lang, toolVersion: VERSION, summary: summarizeIssues(errors, { files: scenarioFiles.files.length }) }));
      return 1;
    }
    if (scenarioFiles.dataset.scenarios.length === 0) {
      throw new InvalidDataError({ en: `no scenario files (kind: scenarios) in ${paths.join(', ')}`, vi: `không có tệp kịch bản (kind: scenarios) nào trong ${paths.join(', ')}` }, []);
    }
    const dataset = await loadDatasetForPaths(dataPathsFor(io.cwd, data), { cwd: io.cwd, onWarning: (line) => io.stderr.write(`${line}\n`) });
    const router = createRouter(dataset);
    const { formatScenarioResults, runScenarios } = await import('../../testing/scenarios.js');
    const results = runScenarios(scenarioFiles.dataset.scenarios, (request) => router.route(request as RouteRequest), (decision) =>
      formatDecision(decision as RouteDecision, { lang }),
    );
    io.stdout.write(formatScenarioResults(results, { verbose: args.values['verbose'] === true, lang }));
    return results.every((result) => result.passed) ? 0 : 1;
  },
};
