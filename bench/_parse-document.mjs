// The obvious alternative to tthc validate's reading: the yaml library's parseDocument on every file, nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

let nodes = 0;
for (const dir of process.argv.slice(2)) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    const document = parseDocument(readFileSync(join(entry.parentPath, entry.name), 'utf8'));
    if (document.errors.length === 0) nodes += 1;
  }
}
process.stdout.write(`${nodes}\n`);
