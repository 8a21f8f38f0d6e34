/** Timing a fresh Node process as users start one: wall time, peak resident memory, exit status. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface ProcessRun {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly status: number | null;
  readonly stdout: string;
}

/** Runs `node <args>` in `cwd`, with bench/_maxrss.cjs preloaded to report the peak memory. */
export function timeProcess(root: string, args: readonly string[], cwd = root, env: Readonly<Record<string, string>> = {}): ProcessRun {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', join(root, 'bench', '_maxrss.cjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  const ms = performance.now() - started;
  const kb = Number(/tthc-bench-maxrss-kb (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
  return { ms, maxRssMb: kb / 1024, status: run.status, stdout: run.stdout };
}

export function medianRun(runs: readonly ProcessRun[]): ProcessRun {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)]!;
}
