/**
 * The `tthc` command line. `runCli` never calls process.exit and never lets a stack trace reach the user: it returns
 * the exit code, so tests drive it with in-memory streams.
 */
import { parseArgs } from 'node:util';
import { closestMatch } from '../closest-match.js';
import { isTthcError } from '../errors.js';
import { VERSION } from '../version.js';
import { UsageError } from './command.js';
import type { CliIo, Command, CommandOptions } from './command.js';
import type { ParseArgsConfig } from 'node:util';
import { COMMANDS } from './commands/index.js';
import { resolveLang } from '../format/resolveLang.js';
import type { Lang } from '../format/types.js';

/** Runs `tthc` with the given arguments (without `node` and the script path); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  const lang = cliLang(argv, io.env);
  const vi = lang === 'vi';
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview(commands, lang));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    const near = closestMatch(name, commands.map((candidate) => candidate.name));
    const unknown = vi ? `tthc: không có lệnh "${name}"` : `tthc: unknown command "${name}"`;
    io.stderr.write(
      near === undefined
        ? `${unknown}\n\n${overview(commands, lang)}`
        : vi
          ? `${unknown}; có phải ý bạn là "${near}"?\nChạy "tthc --help" để xem danh sách lệnh.\n`
          : `${unknown}; did you mean "${near}"?\nRun "tthc --help" for the list of commands.\n`,
    );
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    const usage = vi ? command.usageVi : command.usage;
    io.stdout.write(usage.endsWith('\n') ? usage : `${usage}\n`);
    return 0;
  }
  try {
    checkOptionNames(rest, command.options);
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: command.options as ParseArgsConfig['options'],
      allowPositionals: true,
      strict: true,
    });
    return await command.run({ values: values as Record<string, string | boolean | string[] | undefined>, positionals }, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      const message = error instanceof UsageError ? (vi && error.messageVi !== undefined ? error.messageVi : error.message) : parseArgsMessage(error as Error)[vi ? 'vi' : 'en'];
      const help = vi ? `Chạy "tthc ${command.name} --help" để xem cách dùng.` : `Run "tthc ${command.name} --help" for usage.`;
      io.stderr.write(`tthc ${command.name}: ${message}\n${help}\n`);
      return 2;
    }
    if (isTthcError(error)) {
      io.stderr.write(`tthc ${command.name}: ${vi && error.messageVi !== undefined ? error.messageVi : error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`tthc ${command.name}: internal error: ${message}\n`);
    if (io.env['TTHC_DEBUG'] !== undefined && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

function overview(commands: readonly Command[], lang: Lang): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${lang === 'vi' ? command.summaryVi : command.summary}`);
  if (lang === 'vi') {
    return `tthc ${VERSION}: thủ tục hành chính Việt Nam: danh mục, cơ quan có thẩm quyền, tiếp nhận hồ sơ, ngày hẹn trả kết quả.\n\nCách dùng: tthc <lệnh> [tùy chọn]\n\nCác lệnh:\n${lines.join('\n')}\n\nChạy "tthc <lệnh> --help" để xem các tùy chọn của một lệnh. --lang vi|en chọn ngôn ngữ (mặc định theo LC_ALL, LC_MESSAGES, LANG).\n`;
  }
  return `tthc ${VERSION}: Vietnamese administrative procedures: catalogue, routing, due dates.\n\nUsage: tthc <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "tthc <command> --help" for a command's options. --lang vi|en picks the language (default from LC_ALL, LC_MESSAGES, LANG).\n`;
}

/**
 * The language of what the CLI itself says (help, usage errors): `--lang vi|en` anywhere on the line, else the
 * locale. A malformed --lang is the command's to refuse; here it reads as the locale's.
 */
function cliLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const value = arg === '--lang' ? argv[index + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'vi' || value === 'en') return value;
  }
  return resolveLang(env);
}

/**
 * Refuses the first flag the command does not declare, suggesting the declared one it is a typo of. parseArgs would
 * refuse it too, but without the suggestion.
 */
function checkOptionNames(args: readonly string[], options: CommandOptions): void {
  const { tokens } = parseArgs({ args: [...args], options: options as ParseArgsConfig['options'], allowPositionals: true, strict: false, tokens: true });
  const shorts = new Set(Object.values(options).flatMap((option) => (option.short === undefined ? [] : [option.short])));
  for (const token of tokens) {
    if (token.kind !== 'option' || Object.hasOwn(options, token.name) || shorts.has(token.name)) continue;
    // A single-letter flag is too short to guess from.
    const near = token.rawName.startsWith('--') ? closestMatch(token.rawName, Object.keys(options).map((name) => `--${name}`)) : undefined;
    throw new UsageError(
      `unknown option "${token.rawName}"${near === undefined ? '' : `; did you mean "${near}"?`}`,
      `không có tùy chọn "${token.rawName}"${near === undefined ? '' : `; có phải ý bạn là "${near}"?`}`,
    );
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/**
 * What node:util parseArgs refused, in both languages: a flag given without its value, a value that starts with a
 * dash (read as a flag), a value on a switch, an argument the command does not take. Other messages keep their first
 * line, in English (parseArgs has no others today).
 */
function parseArgsMessage(error: Error): { readonly en: string; readonly vi: string } {
  const first = error.message.split('\n')[0]!;
  const flag = /^Option '(-[^ ']+)/.exec(first)?.[1];
  if (flag !== undefined && first.endsWith('argument missing')) return { en: `${flag} needs a value`, vi: `${flag} cần một giá trị` };
  if (flag !== undefined && first.endsWith('argument is ambiguous.')) {
    return {
      en: `${flag} is followed by a value that starts with a dash, which reads as a flag; write ${flag}=<value> if it is the value`,
      vi: `sau ${flag} là một giá trị bắt đầu bằng dấu gạch ngang, được đọc như một tùy chọn; nếu đó là giá trị, hãy viết ${flag}=<giá trị>`,
    };
  }
  if (flag !== undefined && first.endsWith('does not take an argument')) return { en: `${flag} takes no value`, vi: `${flag} không nhận giá trị` };
  const positional = /^Unexpected argument '([^']*)'/.exec(first)?.[1];
  if (positional !== undefined) return { en: `unexpected argument "${positional}"`, vi: `đối số thừa "${positional}"` };
  const cleaned = first.replace(/\. To specify a positional argument.*$/, '');
  return { en: cleaned, vi: cleaned };
}
