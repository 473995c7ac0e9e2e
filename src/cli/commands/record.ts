/**
 * `podj record TYPE [field=value ...]`: appends one observation (a binding, a probe result, a container exit,
 * a node condition ...) to the journal; or `podj record -f FILE` appends JSON lines of events. Every event is
 * decoded first: a bad one names its field and nothing is written.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import { Event, decodeEvent, eventTypes, type EventType } from '../../events/index.js';
import { unknownFields } from '../../manifest/unknown-fields.js';
import { defaultSource } from '../../events/default-source.js';
import { subjectOf, summarize } from '../../events/summary.js';
import { writeInstant } from '../clock.js';
import { unreadableInput } from '../scenario-file.js';
import type { Context, GlobalOptions } from '../context.js';
import { BadInput } from '../errors.js';
import { withJournal } from '../journal-access.js';
import type { JournalRecord } from '../../journal/index.js';
import { podRecordsNamed } from '../pod-records.js';
import { jsonLine } from '../../importers/documents.js';

interface RecordOptions extends GlobalOptions {
  readonly filename?: string;
  readonly pod?: string;
  readonly namespace?: string;
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

/**
 * A field given on the command line, or on a line of `-f`, that the event type does not have is refused: the
 * event's codec is exact (`events/common.ts :: member`), so it was left out of the record without a word
 * (`reasn=NodeDown` for `reason`). Only the event's own fields: the nested objects' codecs keep unknown fields (a
 * manifest's are the loader's warnings, as `apply` gives them). `where`: the file and line.
 */
const refuseUnknownFields = (type: EventType, raw: unknown, where?: string): void => {
  const codec = Event.types.find((member) => member.name === type);
  const [unknown] = codec === undefined ? [] : unknownFields(codec, raw).filter((path) => path.length === 1);
  if (unknown !== undefined) throw new BadInput(`${where === undefined ? '' : `${where}: `}${type}: unknown field "${String(unknown[0])}"`);
};

/** The events of a JSON-lines file, read line by line; a bad line is bad input naming `file:line`. */
async function* eventLines(file: string): AsyncIterable<Event> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      const doc = jsonLine(line, n);
      if ('error' in doc) throw new BadInput(`${file}:${n}: ${doc.error}`);
      const json = doc.value;
      const event = decodeOrRefuse(json, `${file}:${n}`);
      refuseUnknownFields(event.type, json, `${file}:${n}`);
      yield event;
    }
  } catch (e) {
    // the stream's own failure (no such file, a folder) surfaces here, as Node's `EISDIR: … read` without the name
    throw e instanceof BadInput ? e : unreadableInput(file, e);
  }
}

const recordLine = (r: JournalRecord): string => `#${r.seq} ${r.event.type} ${subjectOf(r.event)}: ${summarize(r.event)}\n`;

export const registerRecord = (program: Command, ctx: Context): void => {
  program
    .command('record')
    .description('append one observation (TYPE field=value ...) or a file of JSON-lines events (-f)')
    .argument('[type]', `an event type: ${[...eventTypes].join(', ')}`)
    .argument('[fields...]', 'the event\'s own fields as field=value (numbers, true/false and JSON are recognised)')
    .option('-f, --filename <file>', 'JSON lines, one event each')
    .option('--pod <name>', 'the pod the event concerns (its uid is looked up)')
    .option('-n, --namespace <ns>', 'namespace of --pod (default: $PODJ_NAMESPACE, else default)')
    .option('--container <name>', 'the container the event concerns')
    .option('--node <name>', 'the node the event concerns')
    .option('--source <component>', 'who made it happen (default: the usual component for the type)')
    .option('--at <T>', 'when it happened (default: now)')
    .action(async (type: string | undefined, fields: string[], _: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<RecordOptions>();
      const namespace = ctx.namespaceNamed(opts);
      await withJournal(ctx, opts, 'update', async (journal) => {
        const expectedSeq = journal.head().seq;
        if (opts.filename !== undefined) {
          if (type !== undefined) throw new BadInput('give either -f FILE or TYPE field=value, not both');
          // Streamed in staged batches: memory stays bounded whatever the file's size, and a bad line still
          // refuses the whole file (the staged batches are rolled back).
          const result = await journal.appendBulk(eventLines(opts.filename), { expectedSeq });
          // as apply's and import's empty files are refused (kubectl apply: "no objects passed to apply")
          if (result.head.seq === expectedSeq) throw new BadInput(`${opts.filename}: no events in it`);
          for await (const r of journal.records({ fromSeq: expectedSeq + 1, toSeq: result.head.seq })) ctx.io.out(recordLine(r));
          return;
        }
        if (type === undefined) throw new BadInput('record needs an event TYPE or -f FILE');
        if (!isEventType(type)) throw new BadInput(`unknown event type "${type}"`);
        const at = writeInstant(ctx, journal, opts.at);
        const subject: Record<string, unknown> = {};
        if (opts.pod !== undefined) {
          const records = await podRecordsNamed(journal, { namespace, name: opts.pod, untilAt: at });
          const last = records.at(-1)?.event;
          if (last === undefined || !('pod' in last)) throw new BadInput(`pods "${opts.pod}" not found in namespace ${namespace}`);
          subject['pod'] = last.pod;
        }
        if (opts.container !== undefined) subject['container'] = opts.container;
        if (opts.node !== undefined) subject['node'] = opts.node;
        const raw = { v: 1, type, at, source: opts.source ?? defaultSource[type], ...subject, ...fieldsOf(fields) };
        refuseUnknownFields(type, raw);
        const records = await journal.append([decodeOrRefuse(raw)], { expectedSeq });
        for (const r of records) ctx.io.out(recordLine(r));
      });
    });
};
