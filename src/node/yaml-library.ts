/**
 * The CLI's src/source/yaml-library.ts (swapped in by tsup.config.ts): the YAML library, required on first use
 * rather than imported, so that a command whose files are all plain block YAML never loads it.
 */
import { createRequire } from 'node:module';
import type { YamlLibrary } from '../source/yaml-library.js';

export type { YamlLibrary } from '../source/yaml-library.js';

let loaded: YamlLibrary | undefined;

export function yamlLibrary(): YamlLibrary {
  loaded ??= createRequire(import.meta.url)('yaml') as YamlLibrary;
  return loaded;
}
