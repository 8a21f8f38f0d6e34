import { runCli } from './cli.js';
import { watchOutput } from './write-errors.js';

const exitCodeFor = watchOutput(process.stdout, process.stderr, (code) => {
  process.exitCode = code;
});
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
});
process.exitCode = exitCodeFor(code);
