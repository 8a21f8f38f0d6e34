/**
 * `tthc slip <procedure-code> ...`: routes a dossier as `tthc route` does and prints its receipt-and-appointment slip
 * (giấy tiếp nhận hồ sơ và hẹn trả kết quả), as text or as an A4 HTML document to print.
 */
import { formatReceiptSlip } from '../../format/receipt-slip.js';
import type { ReceiptSlipDetails, ReceiptSlipDocument } from '../../format/receipt-slip.js';
import { formatOption, langOption, stringOption, UsageError } from '../command.js';
import type { CliIo, Command, CommandArgs } from '../command.js';
import { listOption } from '../option-values.js';
import { ROUTE_REQUEST_OPTIONS, ROUTE_REQUEST_USAGE, ROUTE_REQUEST_USAGE_VI, routeRequestFromArgs, routeWithDataOption } from '../route-request.js';

const USAGE = `Usage: tthc slip <procedure-code> --channel in-person|online|post --received <ISO>
                 [--office <unit>] [--residence <unit>] [--subject <unit>] [--as-of <YYYY-MM-DD>]
                 [--applicant <type>] [--data <dir>]...
                 [--applicant-name <name>] [--dossier-number <number>] [--document <name>[:<copies>]]...
                 [--lang vi|en] [--format text|html]

Routes the dossier as tthc route does and prints its receipt-and-appointment slip (giấy tiếp nhận hồ sơ và hẹn
trả kết quả, Mẫu số 01): the procedure, the receiving office, the receipt time and the appointment in Vietnam time,
the processing time and where to collect the result. Fields tthc does not know and no flag gives are dotted lines
to write on. A dossier the office refuses gets no slip (exit 1): give the applicant a refusal notice instead; nor does
one it helps the applicant file online (the portal acknowledges it).

${ROUTE_REQUEST_USAGE}
  --applicant-name   who files the dossier
  --dossier-number   the dossier number (mã hồ sơ) from the one-stop system
  --document         a document received, "name" or "name:copies" (repeatable, in order)
  --lang             vi (the form's language) or en (default: vi when LC_ALL, LC_MESSAGES or LANG is Vietnamese)
  --format           text (default), or html: one self-contained A4 document to print

Example: tthc slip 1.004222 --office 00008 --residence 00004 --channel in-person \\
           --received 2026-02-12T10:00:00+07:00 --document "Tờ khai CT01:1" --format html > slip.html

Exit codes: 0 printed, 1 unknown code, invalid data, or a dossier refused or filed online with the office's help,
2 usage error.
`;

const USAGE_VI = `Cách dùng: tthc slip <mã-thủ-tục> --channel in-person|online|post --received <ISO>
                 [--office <đơn-vị>] [--residence <đơn-vị>] [--subject <đơn-vị>] [--as-of <YYYY-MM-DD>]
                 [--applicant <loại>] [--data <thư-mục>]...
                 [--applicant-name <họ tên>] [--dossier-number <mã hồ sơ>] [--document <tên>[:<số bản>]]...
                 [--lang vi|en] [--format text|html]

Xác định hồ sơ như lệnh tthc route và in giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01): thủ tục, bộ phận tiếp
nhận, thời gian nhận hồ sơ và thời gian hẹn trả kết quả theo giờ Việt Nam, thời gian giải quyết và nơi nhận kết quả.
Trường nào tthc không biết và không có tham số thì để dòng chấm để ghi tay. Hồ sơ bị từ chối tiếp nhận không có giấy
hẹn (mã thoát 1): lập phiếu từ chối tiếp nhận thay thế; hồ sơ được hỗ trợ nộp trực tuyến cũng không có giấy hẹn (Cổng
Dịch vụ công xác nhận việc nộp).

${ROUTE_REQUEST_USAGE_VI}
  --applicant-name   họ tên người nộp hồ sơ
  --dossier-number   mã hồ sơ trên hệ thống một cửa điện tử
  --document         một giấy tờ đã nhận, "tên" hoặc "tên:số bản" (lặp lại được, theo thứ tự)
  --lang             vi (ngôn ngữ của mẫu) hoặc en (mặc định: vi khi LC_ALL, LC_MESSAGES hoặc LANG là tiếng Việt)
  --format           text (mặc định) hoặc html: một trang A4 hoàn chỉnh để in

Ví dụ: tthc slip 1.004222 --office 00008 --residence 00004 --channel in-person \\
         --received 2026-02-12T10:00:00+07:00 --document "Tờ khai CT01:1" --format html > slip.html

Mã thoát: 0 đã in, 1 mã thủ tục không có, dữ liệu không hợp lệ, hồ sơ bị từ chối hoặc được hỗ trợ nộp trực tuyến,
2 dùng sai lệnh.
`;

export const slipCommand: Command = {
  name: 'slip',
  summary: 'print the receipt-and-appointment slip of one request (text or A4 HTML)',
  summaryVi: 'in giấy tiếp nhận hồ sơ và hẹn trả kết quả của một yêu cầu (văn bản hoặc HTML khổ A4)',
  usageVi: USAGE_VI,
  usage: USAGE,
  options: {
    ...ROUTE_REQUEST_OPTIONS,
    'applicant-name': { type: 'string' },
    'dossier-number': { type: 'string' },
    document: { type: 'string', multiple: true },
    lang: { type: 'string' },
    format: { type: 'string' },
  },
  async run(args: CommandArgs, io: CliIo): Promise<number> {
    const format = formatOption(args, ['text', 'html'] as const, 'text');
    const lang = langOption(args, io);
    const request = routeRequestFromArgs(args, 'slip');
    const details = detailsFromArgs(args);
    const decision = await routeWithDataOption(request, args, io);
    io.stdout.write(`${formatReceiptSlip(decision, details, { lang, format })}\n`);
    return 0;
  },
};

function detailsFromArgs(args: CommandArgs): ReceiptSlipDetails {
  const applicantName = textOption(args, 'applicant-name');
  const dossierNumber = textOption(args, 'dossier-number');
  const documents = listOption(args, 'document').map(parseDocumentOption);
  return {
    ...(applicantName === undefined ? {} : { applicantName }),
    ...(dossierNumber === undefined ? {} : { dossierNumber }),
    ...(documents.length === 0 ? {} : { documents }),
  };
}

function textOption(args: CommandArgs, name: string): string | undefined {
  const value = stringOption(args, name);
  if (value !== undefined && value.trim() === '') throw new UsageError(`--${name} needs a value`, `--${name} cần có giá trị`);
  return value;
}

/**
 * Reads `--document "name"` or `--document "name:copies"`. Only a trailing `:<digits>` is a count, so a name may hold
 * a colon ("Tờ khai: mẫu CT01").
 */
export function parseDocumentOption(text: string): ReceiptSlipDocument {
  const match = /^(.*):\s*(\d+)\s*$/s.exec(text);
  const name = (match === null ? text : match[1]!).trim();
  if (name === '') throw new UsageError(`--document needs a name, "name" or "name:copies"; got "${text}"`, `--document cần tên giấy tờ, dạng "tên" hoặc "tên:số bản"; nhận được "${text}"`);
  if (match === null) return { name };
  const copies = Number(match[2]);
  if (!Number.isSafeInteger(copies) || copies < 1) throw new UsageError(`--document "${text}": the number of copies must be 1 or more`, `--document "${text}": số bản phải từ 1 trở lên`);
  return { name, copies };
}
