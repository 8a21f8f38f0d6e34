// Preloaded into the processes the bench times: reports the peak resident memory when the process exits.
process.on('exit', () => process.stderr.write(`tthc-bench-maxrss-kb ${process.resourceUsage().maxRSS}\n`));
