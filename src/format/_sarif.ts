/** Internal: the `sarif` format (SARIF 2.1.0), for GitHub code scanning and other static-analysis dashboards. */
import type { Issue, IssueCode } from '../errors.js';
import { _pathString } from './_issuePath.js';
import { _codeInfo, _localMessage } from './_messages.js';
import { _displayPath, _isOutside, _toUri } from './_paths.js';
import type { FormatIssuesOptions } from './types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function location(issue: Issue, options: FormatIssuesOptions): object | undefined {
  const logicalLocations = issue.path.length === 0 ? undefined : [{ fullyQualifiedName: _pathString(issue.path) }];
  if (issue.file === undefined) return logicalLocations === undefined ? undefined : { logicalLocations };
  const shown = _displayPath(issue.file, options.cwd);
  // Inside the project: relative to %SRCROOT%, which code-scanning uploads bind to the checkout. Outside: absolute.
  const artifactLocation = _isOutside(shown)
    ? { uri: _toUri(_displayPath(issue.file, undefined)) }
    : { uri: _toUri(shown), uriBaseId: '%SRCROOT%' };
  const region =
    issue.line === undefined
      ? undefined
      : {
          startLine: issue.line,
          ...(issue.column === undefined ? {} : { startColumn: issue.column }),
          ...(issue.endLine === undefined ? {} : { endLine: issue.endLine }),
          ...(issue.endColumn === undefined ? {} : { endColumn: issue.endColumn }),
        };
  return {
    physicalLocation: { artifactLocation, ...(region === undefined ? {} : { region }) },
    ...(logicalLocations === undefined ? {} : { logicalLocations }),
  };
}

export function _formatSarif(sorted: readonly Issue[], options: FormatIssuesOptions): string {
  const firstOfCode = new Map<IssueCode, Issue>();
  for (const issue of sorted) if (!firstOfCode.has(issue.code)) firstOfCode.set(issue.code, issue);
  const byCode = [...firstOfCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const codes = byCode.map(([code]) => code);
  const rules = byCode.map(([code, issue]) => {
    const info = _codeInfo(issue);
    const help = info.help[options.lang];
    return {
      id: code,
      shortDescription: { text: info.title[options.lang] },
      ...(help === '' ? {} : { help: { text: help } }),
      defaultConfiguration: { level: info.severity },
    };
  });
  const results = sorted.map((issue) => {
    const where = location(issue, options);
    return {
      ruleId: issue.code,
      ruleIndex: codes.indexOf(issue.code),
      level: issue.severity,
      message: { text: _localMessage(issue, options.lang) },
      ...(where === undefined ? {} : { locations: [where] }),
    };
  });
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'tthc', version: options.toolVersion, rules } },
        language: options.lang === 'vi' ? 'vi-VN' : 'en-US',
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
