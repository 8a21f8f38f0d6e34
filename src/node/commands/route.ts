import { formatDecision } from '../../testing/format-decision.js';
import { formatOption, langOption } from '../command.js';
import type { CliIo, Command, CommandArgs } from '../command.js';
import { ROUTE_REQUEST_OPTIONS, ROUTE_REQUEST_USAGE, ROUTE_REQUEST_USAGE_VI, routeRequestFromArgs, routeWithDataOption } from '../route-request.js';

const USAGE = `Usage: tthc route <procedure-code> --channel in-person|online|post --received <ISO>
                  [--office <unit>] [--residence <unit>] [--subject <unit>] [--as-of <YYYY-MM-DD>]
                  [--applicant <type>]
                  [--data <dir>]... [--format text|json] [--lang vi|en]

Decides who is competent, what the receiving office does, the deadline for the channel and the due date, and
explains each part with the rules and legal bases behind it.

${ROUTE_REQUEST_USAGE}
  --lang         vi or en for the text output (default: from LC_ALL, LC_MESSAGES or LANG; vi_* gives Vietnamese);
                 the JSON decision carries both languages

Exit codes: 0 decided, 1 unknown code or invalid data, 2 usage error.
`;

const USAGE_VI = `Cách dùng: tthc route <mã-thủ-tục> --channel in-person|online|post --received <ISO>
                  [--office <đơn-vị>] [--residence <đơn-vị>] [--subject <đơn-vị>] [--as-of <YYYY-MM-DD>]
                  [--applicant <loại>]
                  [--data <thư-mục>]... [--format text|json] [--lang vi|en]

Xác định cơ quan có thẩm quyền giải quyết, việc bộ phận tiếp nhận xử lý hồ sơ (tiếp nhận và giải quyết, tiếp nhận và
chuyển hồ sơ, từ chối tiếp nhận), thời hạn giải quyết theo hình thức nộp và ngày hẹn trả kết quả, và giải thích từng
phần bằng các quy tắc và căn cứ pháp lý.

${ROUTE_REQUEST_USAGE_VI}
  --lang         vi hoặc en cho kết quả dạng văn bản (mặc định theo LC_ALL, LC_MESSAGES hoặc LANG); kết quả JSON
                 có cả hai ngôn ngữ

Mã thoát: 0 đã xác định, 1 mã thủ tục không có hoặc dữ liệu không hợp lệ, 2 dùng sai lệnh.
`;

export const routeCommand: Command = {
  name: 'route',
  summary: 'decide the competent authority, the office action and the due date for one request',
  summaryVi: 'xác định cơ quan có thẩm quyền, việc tiếp nhận hồ sơ và ngày hẹn trả kết quả của một yêu cầu',
  usage: USAGE,
  usageVi: USAGE_VI,
  options: { ...ROUTE_REQUEST_OPTIONS, format: { type: 'string' }, lang: { type: 'string' } },
  async run(args: CommandArgs, io: CliIo): Promise<number> {
    const format = formatOption(args, ['text', 'json'] as const, 'text');
    const lang = langOption(args, io);
    const request = routeRequestFromArgs(args, 'route');
    const decision = await routeWithDataOption(request, args, io);
    io.stdout.write(format === 'json' ? `${JSON.stringify(decision, null, 2)}\n` : `${formatDecision(decision, { lang })}\n`);
    return 0;
  },
};
