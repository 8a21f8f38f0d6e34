// Preloaded into the processes the bench times: reports the peak resident memory when the process exits. On Linux
// from VmHWM, the peak of this process's own memory: getrusage's maxRSS survives exec, so a child forked from the
// bench would report at least the bench's own size.
const { readFileSync } = require('node:fs');
process.on('exit', () => {
  let kb;
  try {
    kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
  } catch {
    kb = undefined;
  }
  if (!Number.isFinite(kb)) kb = process.resourceUsage().maxRSS;
  process.stderr.write(`tthc-bench-maxrss-kb ${kb}\n`);
});
