// Loaded with `node --import` into a heapscope run by npm run bench: prints the process's own peak resident set
// (getrusage RUSAGE_SELF, children not included) to stderr as it exits, so the compiler's memory is not counted.
process.on('exit', () => {
  process.stderr.write(`\nheapscope-self-max-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
