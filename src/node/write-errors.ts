/**
 * What the bin does when stdout fails under it. A reader that goes away (`tthc validate | head -1`) is normal use, not
 * a failure: nothing more is said and the exit code stays the command's, so `set -o pipefail` still sees the result of
 * the check. Any other write error (a full disk, /dev/full) gets one line on stderr and exit 1. Without this, Node
 * prints the stack of an unhandled 'error' event.
 */

/** A stream that reports write errors as 'error' events, as process.stdout does. */
export interface ErrorEmitter {
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

/** The line to print for a failed write of the output, or undefined when the reader closed the pipe (EPIPE). */
export function writeErrorMessage(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EPIPE') return undefined;
  const message = error instanceof Error ? error.message : String(error);
  // "ENOSPC: no space left on device, write" -> "no space left on device"
  const reason = /^[A-Z][A-Z0-9_]*: (.+?)(?:, [a-z]+)?$/.exec(message)?.[1] ?? message;
  return `tthc: cannot write output: ${reason}\n`;
}

/**
 * Handles write errors of the output streams; returns a function that gives the exit code to use for the command's
 * own code (1 once a write has failed other than by EPIPE).
 */
export function watchOutput(stdout: ErrorEmitter, stderr: ErrorEmitter & { write(chunk: string): unknown }, setExitCode: (code: number) => void): (code: number) => number {
  let failed = false;
  let reported = false;
  stdout.on('error', (error) => {
    // Only the first error says anything: later writes to the broken stream fail too, and say the same.
    if (reported) return;
    reported = true;
    const line = writeErrorMessage(error);
    if (line === undefined) return;
    failed = true;
    setExitCode(1);
    stderr.write(line);
  });
  // Nowhere left to say that stderr failed.
  stderr.on('error', () => undefined);
  return (code) => (failed ? 1 : code);
}
