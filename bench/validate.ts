/**
 * `tthc validate catalog rules` as maintainers run it in CI (a fresh process on the built CLI), side by side with a
 * plain yaml `parseDocument` of the same files in a fresh process; and the hostile corpus, case by case.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/node/cli.js';
import { HOSTILE_CASES, removeCase, writeCase } from '../test/fixtures/hostile/cases.js';
import { medianRun, timeProcess } from './_process.js';
import type { ProcessRun } from './_process.js';

export async function benchValidate(root: string): Promise<Record<string, unknown>> {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('run npm run build first: the bench times the built CLI as CI runs it');
  const rounds = 5;
  const validate: ProcessRun[] = [];
  const plain: ProcessRun[] = [];
  // The two sides in turn, so a busy moment of the machine falls on both.
  for (let round = 0; round < rounds; round += 1) {
    validate.push(timeProcess(root, [cli, 'validate', 'catalog', 'rules', '--quiet', '--no-code-frames']));
    plain.push(timeProcess(root, [join(root, 'bench', '_parse-document.mjs'), 'catalog', 'rules']));
  }
  const tthc = medianRun(validate);
  const yaml = medianRun(plain);

  const hostile: Record<string, number> = {};
  for (const hostileCase of HOSTILE_CASES) {
    const dir = await writeCase(hostileCase);
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: root, env: {}, isTTY: false };
    const started = performance.now();
    await runCli(['validate', dir, '--format', 'json'], io);
    hostile[hostileCase.name] = Math.round(performance.now() - started);
    await removeCase(dir);
  }
  const slowest = Object.entries(hostile).sort((a, b) => b[1] - a[1])[0]!;
  return {
    validateShippedMs: Math.round(tthc.ms),
    validateShippedMaxRssMb: Math.round(tthc.maxRssMb),
    validateExitCode: tthc.status,
    yamlParseDocumentMs: Math.round(yaml.ms),
    yamlParseDocumentMaxRssMb: Math.round(yaml.maxRssMb),
    ratio: Number((yaml.ms / tthc.ms).toFixed(1)),
    rounds,
    hostileMs: hostile,
    hostileSlowest: { case: slowest[0], ms: slowest[1] },
  };
}
