/**
 * What `get pods -w` and `get events -w` print for each change, as kubectl's watch prints each object it receives,
 * a deleted one's too (`kubectl/pkg/cmd/get/get.go :: watch`): the table's row (its header once, with the first
 * row), or the object in the format asked for: json objects one after another, yaml documents separated by `---`,
 * `KIND/NAME`, the jsonpath template's text, or a custom-columns row (its header once). With
 * `--output-watch-events` each change is a `metav1.WatchEvent`, `{"type": "ADDED|MODIFIED|DELETED", "object": …}`,
 * and a table gains an EVENT column first.
 */
import { customColumnRows } from '../printers/custom-columns.js';
// A watch runs long: loading the YAML library with it costs nothing a user notices.
import { yamlOf } from '../printers/get-pods-yaml.js';
import { goJson, goJsonLine } from '../printers/go-json.js';
import * as E from 'fp-ts/lib/Either.js';
import { jsonPathPrinter } from '../printers/jsonpath.js';
import { sortByPath } from '../printers/sort-by.js';
import { rememberingTable, rememberingText } from '../printers/tabwriter.js';
import { BadInput } from './errors.js';
import { printedOrBadInput } from './jsonpath-output.js';
import type { CliIO } from './io.js';
import { isTableOutput, type Output } from './output-format.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/**
 * How a watcher writes a watch event: the object in the output's format. `show` says whether the watch goes
 * on: an object the printer fails on ends it (get.go :: watch, the printer's error ends UntilWithoutRetry).
 */
export interface View<T> {
  readonly show: (type: WatchEventType, item: T, now: Date) => boolean;
}

export interface ViewOptions {
  readonly output: Output;
  readonly headers: boolean;
  /** `--output-watch-events`. */
  readonly watchEvents: boolean;
}

/** What a watch prints of the objects of its resource. */
export interface WatchedKind<T> {
  /** The table's header, then a row per item, their ages at `now` (the server prints a watch event's row when it sends it). */
  readonly tableRows: (items: readonly T[], now: Date) => string[][];
  /** The object as the API server serves it. */
  readonly served: (item: T) => unknown;
  /** `-o name`'s `KIND/NAME`. */
  readonly name: (item: T) => string;
}

/** The EVENT cell: each type padded to 8 characters (cli-runtime tableprinter.go :: formatEventType). */
const formattedEventType: Readonly<Record<WatchEventType, string>> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ' };

/**
 * A table: `initial` (the objects at the start, unless `--watch-only`) under the header, then a row per watch
 * event, a deletion's row being the object's last state, as kubectl prints the DELETED event's object. get.go ::
 * watch flushes its tabwriter after the list and after each event: each is a flush of a remembering table.
 */
const tableView = <T>(io: CliIO, opts: ViewOptions, kind: WatchedKind<T>, initial: readonly T[], now: Date): View<T> => {
  const [plain = [], ...rows] = kind.tableRows(initial, now);
  const header = opts.watchEvents ? ['EVENT', ...plain] : plain;
  const typed = (type: WatchEventType, row: readonly string[]): string[] => [...(opts.watchEvents ? [formattedEventType[type]] : []), ...row];
  const flush = rememberingTable();
  let headerPrinted = !opts.headers;
  const print = (lines: readonly string[][]): void => {
    io.out(flush(headerPrinted ? lines : [header, ...lines]));
    headerPrinted = true;
  };
  if (rows.length > 0) print(rows.map((r) => typed('ADDED', r)));
  return {
    show: (type, item, at) => {
      print([typed(type, kind.tableRows([item], at)[1] ?? [])]);
      return true;
    },
  };
};

/** The outputs that print objects rather than table rows. */
type ObjectOutput = Exclude<Output, { readonly kind: 'named' }> | { readonly kind: 'named'; readonly format: 'json' | 'yaml' | 'name' };

/** The outputs that print each object by itself (custom columns print table rows). */
type TextOutput = Exclude<ObjectOutput, { readonly kind: 'custom-columns' }>;

/** One object (or watch event), the `index`th the watch prints, in the output's format, or why the printer cannot. */
type ObjectPrinter<T> = (document: unknown, item: T, index: number) => E.Either<string, string>;

/**
 * The output's printer, made once for the watch as get.go :: watch makes it: a jsonpath template is parsed once
 * and run over every object (`jsonPathPrinter`, whose ranges change what the next object is read with).
 */
const objectPrinter = <T>(output: TextOutput, watchEvents: boolean, kind: WatchedKind<T>): ObjectPrinter<T> => {
  switch (output.kind) {
    case 'jsonpath':
      return printedOrBadInput(jsonPathPrinter(output.template));
    case 'named':
      switch (output.format) {
        case 'json':
          // cli-runtime printers/json.go :: PrintObj writes a watch event with json.Marshal, on one line.
          return (document) => E.right(`${watchEvents ? goJsonLine(document) : goJson(document)}\n`);
        case 'yaml':
          // printers/yaml.go :: PrintObj writes `---` before every object but the first.
          return (document, _, index) => E.right(`${index === 0 ? '' : '---\n'}${yamlOf(document)}`);
        case 'name':
          return (_, item) => E.right(`${kind.name(item)}\n`);
        default: {
          const unreachable: never = output.format;
          return unreachable;
        }
      }
    default: {
      const unreachable: never = output;
      return unreachable;
    }
  }
};

/** The objects of one flush, the first of them the `first`th the watch prints, in the output's format, or why the printer cannot. */
type FlushPrinter<T> = (objects: ReadonlyArray<{ readonly document: unknown; readonly item: T }>, first: number) => E.Either<string, string>;

/**
 * Every flush through the watch's tabwriter, which remembers its columns' widths: custom columns' rows (their
 * headers before the first, customcolumn.go :: PrintObj), or the objects' text, whose tabs align as a table's
 * cells do (a jsonpath's `{"\t"}`).
 */
const flushPrinter = <T>(output: ObjectOutput, opts: ViewOptions, kind: WatchedKind<T>): FlushPrinter<T> => {
  if (output.kind === 'custom-columns') {
    const flush = rememberingTable();
    return (objects, first) => {
      const { rows, error } = customColumnRows(output.columns, objects.map((o) => o.document), opts.headers && first === 0);
      return error === undefined ? E.right(flush(rows)) : E.left(error);
    };
  }
  const flush = rememberingText();
  const printObject = objectPrinter(output, opts.watchEvents, kind);
  return (objects, first) => E.map((texts: readonly string[]) => flush(texts.join('')))(E.traverseArrayWithIndex((i: number, o: { readonly document: unknown; readonly item: T }) => printObject(o.document, o.item, first + i))(objects));
};

/**
 * Each object (or watch event) in the output's format, one after another: the objects at the start (each ADDED) in
 * one flush, then each event in its own. An object the printer fails on: among the pods at the start, kubectl's
 * error, nothing of the list printed (get.go :: watch returns before its flush); in an event, the watch ends
 * there, quietly and with exit 0, as kubectl's does (the error ends UntilWithoutRetry, and `intr.Run`'s result
 * is dropped: get.go :: watch returns nil).
 */
const objectView = <T>(io: CliIO, opts: ViewOptions, kind: WatchedKind<T>, output: ObjectOutput, initial: readonly T[]): View<T> => {
  let printed = 0;
  const printFlush = flushPrinter(output, opts, kind);
  const print = (type: WatchEventType, items: readonly T[]): E.Either<string, string> => {
    const text = printFlush(items.map((item) => ({ document: opts.watchEvents ? { type, object: kind.served(item) } : kind.served(item), item })), printed);
    if (E.isRight(text)) printed += items.length;
    return text;
  };
  if (initial.length > 0) {
    const list = print('ADDED', initial);
    if (E.isLeft(list)) throw new BadInput(`unable to output the provided object: ${list.left}`);
    io.out(list.right);
  }
  return {
    show: (type, item) => {
      const event = print(type, [item]);
      if (E.isRight(event)) io.out(event.right);
      return E.isRight(event);
    },
  };
};

/**
 * The objects at the start in the order the watch prints them: `listed` (the API's order), sorted by `--sort-by`
 * only as a table of more than one row. get.go :: watch prints the list through o.ToPrinter, whose SortingPrinter
 * sorts the list's Table (sorter.go :: SortingPrinter.PrintObj, `len(table.Rows) > 1`); the other formats print
 * the list's items one by one, each unsorted.
 */
export const watchListOrder = <T>(listed: readonly T[], sortBy: string | undefined, output: Output, kind: WatchedKind<T>): readonly T[] => {
  if (sortBy === undefined || !isTableOutput(output) || listed.length < 2) return listed;
  const sorted = sortByPath(listed, sortBy, kind.served, { table: true });
  if (E.isLeft(sorted)) throw new BadInput(sorted.left);
  return sorted.right;
};

/** The view for the output asked for; `initial` objects are printed (as ADDED events with `--output-watch-events`) unless `--watch-only` left them out. */
export const watchView = <T>(io: CliIO, opts: ViewOptions, kind: WatchedKind<T>, initial: readonly T[], now: Date): View<T> => {
  const output = opts.output;
  if (output.kind !== 'named') return objectView(io, opts, kind, output, initial);
  const format = output.format;
  if (format === 'table' || format === 'wide') return tableView(io, opts, kind, initial, now);
  return objectView(io, opts, kind, { kind: 'named', format }, initial);
};
