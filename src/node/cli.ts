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

/** Runs `tthc` with the given arguments (without `node` and the script path); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview(commands));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    const near = closestMatch(name, commands.map((candidate) => candidate.name));
    io.stderr.write(
      near === undefined
        ? `tthc: unknown command "${name}"\n\n${overview(commands)}`
        : `tthc: unknown command "${name}"; did you mean "${near}"?\nRun "tthc --help" for the list of commands.\n`,
    );
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
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
      io.stderr.write(`tthc ${command.name}: ${cleanParseArgsMessage(error as Error)}\nRun "tthc ${command.name} --help" for usage.\n`);
      return 2;
    }
    if (isTthcError(error)) {
      io.stderr.write(`tthc ${command.name}: ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`tthc ${command.name}: internal error: ${message}\n`);
    if (io.env['TTHC_DEBUG'] !== undefined && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `tthc ${VERSION}: Vietnamese administrative procedures: catalogue, routing, due dates.\n\nUsage: tthc <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "tthc <command> --help" for a command's options.\n`;
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
    throw new UsageError(`unknown option "${token.rawName}"${near === undefined ? '' : `; did you mean "${near}"?`}`);
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function cleanParseArgsMessage(error: Error): string {
  return error.message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
}
