import { createRouter } from '../../routing/router.js';
import type { FilingChannel, RouteRequest } from '../../routing/types.js';
import { formatDecision } from '../../testing/format-decision.js';
import { formatOption, stringOption, UsageError } from '../command.js';
import type { CliIo, Command, CommandArgs } from '../command.js';
import { loadDatasetForPaths } from '../cache.js';
import { dataPathsFor } from '../load.js';
import { applicantOption, dataOption, dateOption, instantOption, unitCodeOption } from '../option-values.js';

const USAGE = `Usage: tthc route <procedure-code> --channel in-person|online|post --received <ISO>
                  [--office <unit>] [--residence <unit>] [--subject <unit>] [--as-of <YYYY-MM-DD>]
                  [--applicant <type>]
                  [--data <dir>]... [--format text|json]

Decides who is competent, what the receiving office does, the deadline for the channel and the due date, and
explains each part with the rules and legal bases behind it.

  --channel      in-person, online or post
  --received     receipt time, ISO 8601 with an offset, e.g. 2026-02-12T10:00:00+07:00
  --office       unit code of the receiving office (5-digit commune or 2-digit province); needed in person
  --residence    unit code of the applicant's residence (commune preferred)
  --subject      unit code of the place of the case: where the land, property or establishment is, where the
                 event happened, or the organisation's head office (procedures whose competence follows the case)
  --as-of        the date whose law applies (default: the receipt date in Vietnam)
  --applicant    citizen, overseas-vietnamese, foreigner, organisation, foreign-organisation
  --data         data directories (default: catalog/ and rules/ here, else the data shipped with tthc)

Exit codes: 0 decided, 1 unknown code or invalid data, 2 usage error.
`;

export const routeCommand: Command = {
  name: 'route',
  summary: 'decide the competent authority, the office action and the due date for one request',
  usage: USAGE,
  options: {
    channel: { type: 'string' },
    received: { type: 'string' },
    office: { type: 'string' },
    residence: { type: 'string' },
    subject: { type: 'string' },
    'as-of': { type: 'string' },
    applicant: { type: 'string' },
    data: { type: 'string', multiple: true },
    format: { type: 'string' },
  },
  async run(args: CommandArgs, io: CliIo): Promise<number> {
    const format = formatOption(args, ['text', 'json'] as const, 'text');
    const [code, ...extra] = args.positionals;
    if (code === undefined || code === '') throw new UsageError('missing the procedure code, e.g. tthc route 1.001193 ...');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const channel = stringOption(args, 'channel', true);
    if (channel !== 'in-person' && channel !== 'online' && channel !== 'post') {
      throw new UsageError(`--channel must be in-person, online or post; got "${channel}"`);
    }
    const receivedAt = instantOption(args, 'received', true);
    const office = unitCodeOption(args, 'office');
    if (channel === 'in-person' && office === undefined) {
      throw new UsageError('--office is needed in person: the unit code of the office receiving the dossier');
    }
    const request: RouteRequest = {
      procedure: code,
      channel: channel as FilingChannel,
      receivedAt,
      ...optional('office', office),
      ...optional('residence', unitCodeOption(args, 'residence')),
      ...optional('subject', unitCodeOption(args, 'subject')),
      ...optional('asOf', dateOption(args, 'as-of')),
      ...optional('applicant', applicantOption(args)),
    };
    const data = dataOption(args, io.cwd);
    const dataset = await loadDatasetForPaths(dataPathsFor(io.cwd, data), { cwd: io.cwd, onWarning: (line) => io.stderr.write(`${line}\n`) });
    const decision = createRouter(dataset).route(request);
    io.stdout.write(format === 'json' ? `${JSON.stringify(decision, null, 2)}\n` : `${formatDecision(decision)}\n`);
    return 0;
  },
};

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
