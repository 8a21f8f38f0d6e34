import { formatDecision } from '../../testing/format-decision.js';
import { formatOption } from '../command.js';
import type { CliIo, Command, CommandArgs } from '../command.js';
import { ROUTE_REQUEST_OPTIONS, ROUTE_REQUEST_USAGE, routeRequestFromArgs, routeWithDataOption } from '../route-request.js';
import { langOption } from './validate.js';

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

export const routeCommand: Command = {
  name: 'route',
  summary: 'decide the competent authority, the office action and the due date for one request',
  usage: USAGE,
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
