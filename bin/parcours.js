#!/usr/bin/env node
// The `parcours` command: runs the compiled add-in (dist/Code.js) in the local Apps Script runtime.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'build', 'cli.js');
if (!existsSync(cli)) {
  console.error('Parcours n’est pas compilé : lancez « npm run build ».');
  process.exit(1);
}
require(cli).run(process.argv.slice(2));
