import type { Command } from '../command.js';
import { calendarCommand } from './calendar.js';
import { diffCommand } from './diff.js';
import { dueCommand } from './due.js';
import { routeCommand } from './route.js';
import { slipCommand } from './slip.js';
import { statsCommand } from './stats.js';
import { testCommand } from './test.js';
import { validateCommand } from './validate.js';

/** Every `tthc` command, in the order `tthc --help` lists them. */
export const COMMANDS: readonly Command[] = Object.freeze([
  validateCommand,
  statsCommand,
  routeCommand,
  slipCommand,
  dueCommand,
  calendarCommand,
  testCommand,
  diffCommand,
]);
