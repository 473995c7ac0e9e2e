/** The valid time of a write the user makes now: the wall clock, or `--at` to record one after the fact. */
import { instantOf, type Instant } from '../k8s/codecs.js';
import type { Journal } from '../journal/index.js';
import type { Context } from './context.js';
import { instantOption } from './instants.js';

export const writeInstant = (ctx: Context, journal: Journal, at: string | undefined): Instant =>
  instantOption(journal, '--at', at) ?? instantOf(ctx.io.now().getTime());
