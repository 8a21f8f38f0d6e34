/**
 * The shape every CLI command has. The CLI never calls process.exit: a command returns its exit code, and tests drive
 * commands with in-memory streams.
 */
import { resolveLang } from '../format/resolveLang.js';
import { LANGS } from '../format/types.js';
import type { Lang } from '../format/types.js';

/** Where a command writes and what it may know of its environment. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is an interactive terminal (code frames, colours). */
  readonly isTTY: boolean;
}

/** Option declarations, in node:util parseArgs form. */
export type CommandOptions = Record<
  string,
  { readonly type: 'string' | 'boolean'; readonly short?: string; readonly multiple?: boolean; readonly default?: string | boolean }
>;

/** Parsed arguments handed to a command. */
export interface CommandArgs {
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly positionals: readonly string[];
}

/** One `tthc <name>` command. */
export interface Command {
  readonly name: string;
  /** One line for `tthc --help`. */
  readonly summary: string;
  /** The same line in Vietnamese. */
  readonly summaryVi: string;
  /** Full usage text for `tthc <name> --help`. */
  readonly usage: string;
  /** The same text in Vietnamese (flags and values stay as typed). */
  readonly usageVi: string;
  readonly options: CommandOptions;
  /** Runs the command; resolves to the exit code (0 ok, 1 findings or failure, 2 usage error). */
  run(args: CommandArgs, io: CliIo): Promise<number>;
}

/** Thrown inside a command for a bad invocation; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  /** The message in Vietnamese, when the command gives one (the English is shown otherwise). */
  readonly messageVi: string | undefined;
  constructor(message: string, messageVi?: string) {
    super(message);
    this.name = 'UsageError';
    this.messageVi = messageVi;
  }
}

/** Reads a string option, or throws a UsageError when it is missing and required. */
export function stringOption(args: CommandArgs, name: string, required: true): string;
export function stringOption(args: CommandArgs, name: string, required?: false): string | undefined;
export function stringOption(args: CommandArgs, name: string, required = false): string | undefined {
  const value = args.values[name];
  if (Array.isArray(value)) return value[value.length - 1];
  if (typeof value === 'string') return value;
  if (required) throw new UsageError(`missing --${name}`, `thiếu --${name}`);
  return undefined;
}

/** Reads `--format` and checks it against the formats a command supports. */
export function formatOption<const F extends string>(args: CommandArgs, allowed: readonly F[], fallback: F): F {
  const value = stringOption(args, 'format') ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--format must be one of ${allowed.join(', ')}; got "${value}"`, `--format phải là một trong ${allowed.join(', ')}; nhận được "${value}"`);
  }
  return value as F;
}

/** Reads `--lang`, defaulting from the environment. */
export function langOption(args: CommandArgs, io: CliIo): Lang {
  const value = stringOption(args, 'lang');
  if (value === undefined) return resolveLang(io.env);
  if (!(LANGS as readonly string[]).includes(value)) throw new UsageError(`--lang must be vi or en; got "${value}"`, `--lang phải là vi hoặc en; nhận được "${value}"`);
  return value as Lang;
}
