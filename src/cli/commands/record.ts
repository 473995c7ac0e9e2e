/**
 * `podj record TYPE [field=value ...]`: appends one observation (a binding, a probe result, a container exit,
 * a node condition ...) to the journal; or `podj record -f FILE` appends JSON lines of events. Every event is
 * decoded first: a bad one names its field and nothing is written.
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import { decodeEvent, eventTypes, type Event, type EventType } from '../../events/index.js';
import { defaultSource } from '../../events/default-source.js';
import { subjectOf, summarize } from '../../events/summary.js';
import { writeInstant } from '../clock.js';
import type { Context, GlobalOptions } from '../context.js';
import { BadInput } from '../errors.js';
import { withJournal } from '../journal-access.js';
import { podRecordsNamed } from '../pod-records.js';

interface RecordOptions extends GlobalOptions {
  readonly filename?: string;
  readonly pod?: string;
  readonly namespace: string;
  readonly container?: string;
  readonly node?: string;
  readonly source?: string;
  readonly at?: string;
}

/** `exitCode=1` → 1, `ready=true` → true, `labels={"a":"b"}` → an object, anything else a string. */
const fieldValue = (raw: string): unknown => {
  if (/^-?\d+$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^[[{]/.test(raw)) {
    try {
      return JSON.parse(raw);
    } catch {
      throw new BadInput(`"${raw}" is not valid JSON`);
    }
  }
  return raw;
};

const fieldsOf = (pairs: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(
    pairs.map((pair) => {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new BadInput(`"${pair}" is not field=value`);
      return [pair.slice(0, eq), fieldValue(pair.slice(eq + 1))];
    }),
  );

/** The event, or bad input naming where (`file:line`) and the decoder's `Type: path: why`. */
const decodeOrRefuse = (u: unknown, where?: string): Event => {
  const decoded = decodeEvent(u);
  if (E.isLeft(decoded)) throw new BadInput(where === undefined ? decoded.left : `${where}: ${decoded.left}`);
  return decoded.right;
};

const isEventType = (s: string): s is EventType => eventTypes.has(s);

export const registerRecord = (program: Command, ctx: Context): void => {
  program
    .command('record')
    .description('append one observation (TYPE field=value ...) or a file of JSON-lines events (-f)')
    .argument('[type]', `an event type: ${[...eventTypes].join(', ')}`)
    .argument('[fields...]', 'the event\'s own fields as field=value (numbers, true/false and JSON are recognised)')
    .option('-f, --filename <file>', 'JSON lines, one event each')
    .option('--pod <name>', 'the pod the event concerns (its uid is looked up)')
    .option('-n, --namespace <ns>', 'namespace of --pod', 'default')
    .option('--container <name>', 'the container the event concerns')
    .option('--node <name>', 'the node the event concerns')
    .option('--source <component>', 'who made it happen (default: the usual component for the type)')
    .option('--at <T>', 'when it happened (default: now)')
    .action(async (type: string | undefined, fields: string[], _: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<RecordOptions>();
      await withJournal(ctx, opts, 'update', async (journal) => {
        const expectedSeq = journal.head().seq;
        let events: Event[];
        if (opts.filename !== undefined) {
          if (type !== undefined) throw new BadInput('give either -f FILE or TYPE field=value, not both');
          const file = opts.filename;
          events = ctx.io
            .readFile(file)
            .split('\n')
            .map((line, i) => ({ line, n: i + 1 }))
            .filter(({ line }) => line.trim() !== '')
            .map(({ line, n }) => {
              let json: unknown;
              try {
                json = JSON.parse(line);
              } catch {
                throw new BadInput(`${file}:${n}: not JSON`);
              }
              return decodeOrRefuse(json, `${file}:${n}`);
            });
        } else {
          if (type === undefined) throw new BadInput('record needs an event TYPE or -f FILE');
          if (!isEventType(type)) throw new BadInput(`unknown event type "${type}"`);
          const at = writeInstant(ctx, journal, opts.at);
          const subject: Record<string, unknown> = {};
          if (opts.pod !== undefined) {
            const records = await podRecordsNamed(journal, { namespace: opts.namespace, name: opts.pod, untilAt: at });
            const last = records.at(-1)?.event;
            if (last === undefined || !('pod' in last)) throw new BadInput(`pods "${opts.pod}" not found in namespace ${opts.namespace}`);
            subject['pod'] = last.pod;
          }
          if (opts.container !== undefined) subject['container'] = opts.container;
          if (opts.node !== undefined) subject['node'] = opts.node;
          const raw = { v: 1, type, at, source: opts.source ?? defaultSource[type], ...subject, ...fieldsOf(fields) };
          events = [decodeOrRefuse(raw)];
        }
        const records = await journal.append(events, { expectedSeq });
        for (const r of records) ctx.io.out(`#${r.seq} ${r.event.type} ${subjectOf(r.event)}: ${summarize(r.event)}\n`);
      });
    });
};
