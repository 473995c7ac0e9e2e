/**
 * What `get pods -w` prints for each change, as kubectl's watch prints each object it receives, a deleted pod's
 * too (`kubectl/pkg/cmd/get/get.go :: watch`): the table's row (its header once, with the first row), or the
 * object in the format asked for: json objects one after another, yaml documents separated by `---`, `pod/NAME`,
 * the jsonpath template's text, or a custom-columns row (its header once). With `--output-watch-events` each
 * change is a `metav1.WatchEvent`, `{"type": "ADDED|MODIFIED|DELETED", "object": …}`, and a table gains an
 * EVENT column first.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { V1Pod } from '../k8s/pod.js';
import { printCustomColumns } from '../printers/custom-columns.js';
import { servedPod } from '../printers/get-pods.js';
// A watch runs long: loading the YAML library with it costs nothing a user notices.
import { yamlOf } from '../printers/get-pods-yaml.js';
import { goJson, goJsonLine } from '../printers/go-json.js';
import { printJsonPath } from '../printers/jsonpath.js';
import { tableRows, type TableOptions } from '../printers/pod-columns.js';
import { renderTable } from '../printers/tabwriter.js';
import { BadInput } from './errors.js';
import type { CliIO } from './io.js';
import type { Output } from './output-format.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** What a watcher shows for one pod: the key a change is judged by, and how it writes a change. */
export interface View {
  readonly key: (pod: V1Pod, now: Date) => string;
  readonly show: (type: WatchEventType, pod: V1Pod, now: Date) => void;
}

export interface ViewOptions {
  readonly output: Output;
  readonly table: TableOptions;
  readonly headers: boolean;
  /** `--output-watch-events`. */
  readonly watchEvents: boolean;
}

/** The cells a change is judged by: not AGE, nor the "(10s ago)" of RESTARTS, which change by themselves. */
const visible = (header: readonly string[], row: readonly string[]): string =>
  row
    .filter((_, i) => header[i] !== 'AGE')
    .map((cell) => cell.replace(/ \(.* ago\)$/, ''))
    .join('\u0000');

/**
 * A table: `initial` (the pods at the start, unless `--watch-only`) under the header, then a row per change; a
 * deletion prints the pod's last row again, as kubectl prints the DELETED event's object.
 */
const tableView = (io: CliIO, opts: ViewOptions, initial: readonly V1Pod[], now: Date): View => {
  const [plain = [], ...rows] = tableRows(initial, opts.table, now);
  const header = opts.watchEvents ? ['EVENT', ...plain] : plain;
  const typed = (type: WatchEventType, row: readonly string[]): string[] => [...(opts.watchEvents ? [type] : []), ...row];
  let headerPrinted = !opts.headers;
  const print = (lines: readonly string[][]): void => {
    const text = renderTable([header, ...lines]);
    io.out(headerPrinted ? text.slice(text.indexOf('\n') + 1) : text);
    headerPrinted = true;
  };
  if (rows.length > 0) print(rows.map((r) => typed('ADDED', r)));
  return {
    key: (pod, at) => visible(plain, tableRows([pod], opts.table, at)[1] ?? []),
    show: (type, pod, at) => print([typed(type, tableRows([pod], opts.table, at)[1] ?? [])]),
  };
};

/** The outputs that print objects rather than table rows. */
type ObjectOutput = Exclude<Output, { readonly kind: 'named' }> | { readonly kind: 'named'; readonly format: 'json' | 'yaml' | 'name' };

/** Each object (or watch event) in the output's format, one after another. */
const objectView = (io: CliIO, opts: ViewOptions, output: ObjectOutput): View => {
  let printed = 0;
  const text = (document: unknown, pod: V1Pod): string => {
    switch (output.kind) {
      case 'jsonpath': {
        const result = printJsonPath(output.template, document);
        if (E.isLeft(result)) throw new BadInput(`-o jsonpath: ${result.left}`);
        return result.right;
      }
      case 'custom-columns':
        return printCustomColumns(output.columns, [document], opts.headers && printed === 0);
      case 'named':
        switch (output.format) {
          case 'json':
            // cli-runtime printers/json.go :: PrintObj writes a watch event with json.Marshal, on one line.
            return `${opts.watchEvents ? goJsonLine(document) : goJson(document)}\n`;
          case 'yaml':
            // printers/yaml.go :: PrintObj writes `---` before every object but the first.
            return `${printed === 0 ? '' : '---\n'}${yamlOf(document)}`;
          case 'name':
            return `pod/${pod.metadata.name ?? ''}\n`;
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
  return {
    key: (pod) => JSON.stringify(pod),
    show: (type, pod) => {
      io.out(text(opts.watchEvents ? { type, object: servedPod(pod) } : servedPod(pod), pod));
      printed++;
    },
  };
};

/** An object view that has printed the pods at the start, each as ADDED. */
const afterInitial = (view: View, initial: readonly V1Pod[], now: Date): View => {
  for (const pod of initial) view.show('ADDED', pod, now);
  return view;
};

/** The view for the output asked for; `initial` pods are printed (as ADDED events with `--output-watch-events`) unless `--watch-only` left them out. */
export const watchView = (io: CliIO, opts: ViewOptions, initial: readonly V1Pod[], now: Date): View => {
  const output = opts.output;
  if (output.kind !== 'named') return afterInitial(objectView(io, opts, output), initial, now);
  const format = output.format;
  if (format === 'table' || format === 'wide') return tableView(io, opts, initial, now);
  return afterInitial(objectView(io, opts, { kind: 'named', format }), initial, now);
};
