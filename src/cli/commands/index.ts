/** Every verb of `podj`, each registered by its own module. */
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { registerApply } from './apply.js';
import { registerDelete } from './delete.js';
import { registerDescribe } from './describe.js';
import { registerDiff } from './diff.js';
import { registerEvents } from './events.js';
import { registerExport } from './export.js';
import { registerGet } from './get.js';
import { registerImport } from './import.js';
import { registerRecord } from './record.js';
import { registerReplay } from './replay.js';
import { registerSimulate } from './simulate.js';
import { registerTimeline } from './timeline.js';
import { registerVerify } from './verify.js';

export type Register = (program: Command, ctx: Context) => void;

export const commands: readonly Register[] = [
  registerApply,
  registerDelete,
  registerGet,
  registerDescribe,
  registerDiff,
  registerEvents,
  registerRecord,
  registerSimulate,
  registerReplay,
  registerExport,
  registerImport,
  registerTimeline,
  registerVerify,
];
