/**
 * The YAML library, for the files the block reader gives up on. Browser-safe: imported statically here. The CLI is
 * built with src/node/yaml-library.ts in this module's place (see tsup.config.ts), which loads the library only when a
 * file needs it: data written in plain block YAML, the shipped data included, never does, and the library's code costs
 * a command about 7 MB of memory and 40 ms of start-up.
 */
import * as yaml from 'yaml';

/** The parts of the YAML library tthc uses. */
export type YamlLibrary = Pick<typeof yaml, 'isAlias' | 'isMap' | 'isPair' | 'isScalar' | 'isSeq' | 'LineCounter' | 'parseAllDocuments'>;

export function yamlLibrary(): YamlLibrary {
  return yaml;
}
