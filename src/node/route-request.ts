/**
 * The routing request of a command line: the flags `tthc route` takes (and `tthc slip` with it), checked, built into
 * a RouteRequest and routed on the data the flags name.
 */
import { createRouter } from '../routing/router.js';
import type { FilingChannel, RouteDecision, RouteRequest } from '../routing/types.js';
import { stringOption, UsageError } from './command.js';
import type { CliIo, CommandArgs, CommandOptions } from './command.js';
import { loadDatasetForPaths } from './cache.js';
import { dataPathsFor } from './load.js';
import { applicantOption, dataOption, dateOption, wholeNumberOption, instantOption, unitCodeOption } from './option-values.js';

/** The flags of a routing request, in node:util parseArgs form. */
export const ROUTE_REQUEST_OPTIONS = Object.freeze({
  channel: { type: 'string' },
  received: { type: 'string' },
  office: { type: 'string' },
  residence: { type: 'string' },
  subject: { type: 'string' },
  'as-of': { type: 'string' },
  applicant: { type: 'string' },
  'deadline-variant': { type: 'string' },
  data: { type: 'string', multiple: true },
}) satisfies CommandOptions;

/** The usage lines of those flags, for a command's help. */
export const ROUTE_REQUEST_USAGE = `  --channel      in-person, online or post
  --received     receipt time, ISO 8601 with an offset, e.g. 2026-02-12T10:00:00+07:00
  --office       unit code of the receiving office (5-digit commune or 2-digit province); needed in person
  --residence    unit code of the applicant's residence (commune preferred)
  --subject      unit code of the place of the case: where the land, property or establishment is, where the
                 event happened, or the organisation's head office (procedures whose competence follows the case)
  --as-of        the date whose law applies (default: the receipt date in Vietnam)
  --applicant    citizen, overseas-vietnamese, foreigner, organisation, foreign-organisation
  --deadline-variant N
                 the case of the dossier when the deadline names cases: N (from 0) as the decision lists its
                 variants; the deadline and due date are then that case's
  --data         data directories (default: catalog/ and rules/ here, else the data shipped with tthc)`;

/** The same lines in Vietnamese. */
export const ROUTE_REQUEST_USAGE_VI = `  --channel      in-person (trực tiếp), online (trực tuyến) hoặc post (bưu chính)
  --received     thời điểm tiếp nhận, ISO 8601 có múi giờ, ví dụ 2026-02-12T10:00:00+07:00
  --office       mã đơn vị của bộ phận tiếp nhận (mã xã 5 chữ số hoặc mã tỉnh 2 chữ số); bắt buộc khi nộp trực tiếp
  --residence    mã đơn vị nơi cư trú của người nộp hồ sơ (nên dùng mã xã)
  --subject      mã đơn vị nơi có đối tượng của thủ tục: nơi có đất đai, tài sản, cơ sở, nơi xảy ra sự việc, hoặc
                 nơi đặt trụ sở của tổ chức (thủ tục có thẩm quyền theo đối tượng)
  --as-of        ngày áp dụng pháp luật (mặc định: ngày tiếp nhận theo giờ Việt Nam)
  --applicant    citizen, overseas-vietnamese, foreigner, organisation, foreign-organisation
  --deadline-variant N
                 trường hợp của hồ sơ khi thời hạn giải quyết tùy trường hợp: N (từ 0) theo thứ tự các trường hợp
                 (variants) mà kết quả liệt kê; thời hạn và ngày hẹn trả khi đó là của trường hợp này
  --data         các thư mục dữ liệu (mặc định: catalog/ và rules/ tại đây, nếu không có thì dữ liệu kèm theo tthc)`;

/**
 * Builds the request from the procedure code (the one positional) and the flags; throws a UsageError for a missing or
 * malformed one. `command` names the command in the messages (`tthc slip 1.001193 ...`).
 */
export function routeRequestFromArgs(args: CommandArgs, command: string): RouteRequest {
  const [code, ...extra] = args.positionals;
  if (code === undefined || code === '') throw new UsageError(`missing the procedure code, e.g. tthc ${command} 1.001193 ...`, `thiếu mã thủ tục, ví dụ tthc ${command} 1.001193 ...`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, `tham số thừa "${extra[0]}"`);
  const channel = stringOption(args, 'channel', true);
  if (channel !== 'in-person' && channel !== 'online' && channel !== 'post') {
    throw new UsageError(`--channel must be in-person, online or post; got "${channel}"`, `--channel phải là in-person, online hoặc post; nhận được "${channel}"`);
  }
  const receivedAt = instantOption(args, 'received', true);
  const deadlineVariant = wholeNumberOption(args, 'deadline-variant');
  const office = unitCodeOption(args, 'office');
  if (channel === 'in-person' && office === undefined) {
    throw new UsageError('--office is needed in person: the unit code of the office receiving the dossier', 'nộp trực tiếp cần --office: mã đơn vị của bộ phận tiếp nhận hồ sơ');
  }
  return {
    procedure: code,
    channel: channel as FilingChannel,
    receivedAt,
    ...optional('office', office),
    ...optional('residence', unitCodeOption(args, 'residence')),
    ...optional('subject', unitCodeOption(args, 'subject')),
    ...optional('asOf', dateOption(args, 'as-of')),
    ...optional('applicant', applicantOption(args)),
    ...(deadlineVariant === undefined ? {} : { deadlineVariant }),
  };
}

/** Routes a request on the data `--data` names (or the default data), warnings of the loader going to stderr. */
export async function routeWithDataOption(request: RouteRequest, args: CommandArgs, io: CliIo): Promise<RouteDecision> {
  const data = dataOption(args, io.cwd);
  const dataset = await loadDatasetForPaths(dataPathsFor(io.cwd, data), { cwd: io.cwd, onWarning: (line) => io.stderr.write(`${line}\n`) }, 'routing');
  return createRouter(dataset).route(request);
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
