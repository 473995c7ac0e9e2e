/**
 * Every verb of `podj`, each registered by its own module, loaded only when needed: a command pays at
 * start-up for its own dependencies, not for the engine's or the importers'.
 */
import type { Command } from 'commander';
import type { Context } from '../context.js';

export type Register = (program: Command, ctx: Context) => void;

export const verbs: Readonly<Record<string, () => Promise<Register>>> = {
  apply: async () => (await import('./apply.js')).registerApply,
  delete: async () => (await import('./delete.js')).registerDelete,
  get: async () => (await import('./get.js')).registerGet,
  describe: async () => (await import('./describe.js')).registerDescribe,
  diff: async () => (await import('./diff.js')).registerDiff,
  events: async () => (await import('./events.js')).registerEvents,
  record: async () => (await import('./record.js')).registerRecord,
  simulate: async () => (await import('./simulate.js')).registerSimulate,
  replay: async () => (await import('./replay.js')).registerReplay,
  timeline: async () => (await import('./timeline.js')).registerTimeline,
  import: async () => (await import('./import.js')).registerImport,
  export: async () => (await import('./export.js')).registerExport,
  verify: async () => (await import('./verify.js')).registerVerify,
  check: async () => (await import('./check.js')).registerCheck,
  report: async () => (await import('./report.js')).registerReport,
  top: async () => (await import('./top.js')).registerTop,
  info: async () => (await import('./info.js')).registerInfo,
  version: async () => (await import('./version.js')).registerVersion,
  logs: async () => (await import('./logs.js')).registerLogs,
  completion: async () => (await import('./completion.js')).registerCompletion,
};

/** Verbs that describe the whole program, so they need every verb registered. */
const needsAll = new Set(['completion']);

/** The verb of an argument list: its first word that is neither an option nor the value of `--journal`. */
export const verbOf = (argv: readonly string[]): string | undefined => {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--journal') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
};

/**
 * The register functions for a run: the verb's alone, none for `podj --version` (commander answers it before
 * any verb), or all of them (for help and unknown verbs).
 */
export const registersFor = async (argv: readonly string[]): Promise<Register[]> => {
  const verb = verbOf(argv);
  if (verb === undefined && argv.includes('--version') && !argv.some((a) => a === '--help' || a === '-h')) return [];
  const load = verb === undefined || needsAll.has(verb) ? undefined : verbs[verb];
  return load === undefined ? Promise.all(Object.values(verbs).map((l) => l())) : [await load()];
};
