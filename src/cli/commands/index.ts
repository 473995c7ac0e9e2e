/** Every verb of `podj`, each registered by its own module. */
import type { Command } from 'commander';
import type { Context } from '../context.js';

export type Register = (program: Command, ctx: Context) => void;

export const commands: readonly Register[] = [];
