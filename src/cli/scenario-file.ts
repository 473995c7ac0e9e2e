/** Loading a scenario file from disk: manifests are read inside its folder (`contained-file.ts`), errors are one line. */
import { dirname } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { loadScenario, renderScenarioError, type LoadedScenario } from '../scenario/index.js';
import type { Context } from './context.js';
import { readContainedFile } from './contained-file.js';
import { BadInput } from './errors.js';

export const readScenario = (ctx: Context, file: string, text: string): LoadedScenario => {
  const folder = dirname(file);
  const loaded = loadScenario(text, file, (relative) => readContainedFile(folder, relative));
  if (E.isLeft(loaded)) throw new BadInput(renderScenarioError(loaded.left));
  for (const warning of loaded.right.warnings) ctx.io.err(`Warning: ${warning}\n`);
  return loaded.right;
};

/** A file named on the command line that cannot be read, in one line naming it (Node's text names the syscall, not the user's words). */
export const unreadableInput = (file: string, e: unknown): BadInput => {
  const code = e instanceof Error && 'code' in e ? e.code : undefined;
  return new BadInput(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : String(e)}`);
};

/** Reads a file named on the command line, or refuses with one line naming it. */
export const readInput = (ctx: Context, file: string): string => {
  try {
    return ctx.io.readFile(file);
  } catch (e) {
    throw unreadableInput(file, e);
  }
};
