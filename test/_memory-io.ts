/** The CLI with in-memory streams, for tests: what a command printed, and its exit code. */
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/node/cli.js';
import type { CliIo } from '../src/node/command.js';

/** The repository root, where relative data paths resolve. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A CliIo that keeps what is written, with no TTY and an empty environment. */
export function memoryIo(cwd = ROOT): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    cwd,
    env: {},
    isTTY: false,
    out: () => out,
    err: () => err,
  };
}

/** Runs `tthc <argv>` in memory. */
export async function runInMemory(argv: readonly string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(cwd);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}
