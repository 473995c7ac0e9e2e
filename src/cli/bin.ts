/**
 * The `podj` program, bundled as `dist/podj/podj.js` and started by the executable (`launcher.ts`, which first
 * sets V8's heap growth): runs the CLI on the process's arguments and exits with its code.
 */
import { run } from './main.js';
import { processIO } from './io.js';

void run(process.argv.slice(2), processIO()).then((code) => {
  process.exitCode = code;
});
