/**
 * `--event-ttl`: how long the API server keeps an Event after its last write, as kube-apiserver's flag of that
 * name (default 1h). `describe` and `get events` list only the Events a cluster with it would still hold at the
 * instant asked; `0` lists every Event ever recorded (as `podj events -o journal` lists the raw journal).
 */
import type { Command } from 'commander';
import { parseDuration } from '../k8s/duration.js';
import { DEFAULT_EVENT_TTL_MS } from '../printers/index.js';
import { BadInput } from './errors.js';

export const EVENT_TTL_HELP =
  "Events: list only those written within this Go duration before the instant asked, as an API server with this --event-ttl keeps them (default 1h; 0: every Event, expired ones too)";

export const addEventTtlOption = (cmd: Command): Command => cmd.option('--event-ttl <duration>', EVENT_TTL_HELP);

/** The ttl in milliseconds; a bad duration is bad input naming the flag. */
export const eventTtlOf = (raw: string | undefined): number => {
  if (raw === undefined) return DEFAULT_EVENT_TTL_MS;
  const ms = parseDuration(raw);
  if (ms === undefined || ms < 0) throw new BadInput(`--event-ttl: "${raw}" is not a duration (1h, 90m, 0)`);
  return ms;
};
