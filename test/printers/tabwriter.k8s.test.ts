/**
 * The tables kubectl writes in flushes and without headers, carried over as data:
 * - liggitt/tabwriter (89fcab3, the tabwriter cli-runtime's GetNewTabWriter makes, with RememberWidths)
 *   tabwriter_test.go :: TestMultiWrite, up to its `mmm…` row (what follows moves the remembered widths to another
 *   writer and resets them: no podj table does either);
 * - cli-runtime v0.36.2 pkg/printers/tableprinter_test.go :: TestPrintTable's two NoHeaders cases: without the
 *   header in the tabwriter a column is as wide as its rows make it. Go's "podPhase" is no v1 phase: `Unknown`
 *   plays its part (7 runes where podPhase has 8, so STATUS is one narrower).
 */
import { describe, expect, it } from 'vitest';
import { printRows } from '../../src/printers/pod-table.js';
import { rowLine } from '../../src/printers/row-line.js';
import { podTableRow } from '../../src/printers/pod-table-row.js';
import { rememberingTable, rememberingText } from '../../src/printers/tabwriter.js';
import { HOUR, ago, cs, pod, NOW } from './fixtures.js';

/** TestMultiWrite's text once `l`'s flush is written. */
const multiWriteUpToL = [
  'First   Middle           Last\n',
  'a       bb               ccc\n',
  'ddd     eeeeeeeeeeeeee   f\n',
  'g       h                i\n',
  'j                        \n',
  '        k                \n',
  '                         l\n',
].join('');

describe('tabwriter_test.go :: TestMultiWrite (RememberWidths: a column never narrows from one flush to the next)', () => {
  it('pads each flush to the widest each column has been, and widens it for a wider cell', () => {
    const flush = rememberingTable();
    const written: string[] = [];
    const write = (...rows: string[][]): string => {
      written.push(flush(rows));
      return written.join('');
    };
    expect(write(['First', 'Middle', 'Last'], ['a', 'bb', 'ccc'], ['ddd', 'eeeeeeeeeeeeee', 'f'])).toBe(
      ['First   Middle           Last\n', 'a       bb               ccc\n', 'ddd     eeeeeeeeeeeeee   f\n'].join(''),
    );
    expect(write(['g', 'h', 'i'])).toBe(
      ['First   Middle           Last\n', 'a       bb               ccc\n', 'ddd     eeeeeeeeeeeeee   f\n', 'g       h                i\n'].join(''),
    );
    write(['j', '', '']);
    write(['', 'k', '']);
    expect(write(['', '', 'l'])).toBe(multiWriteUpToL);
    expect(write(['mmmmmmmmmmmmmmm', 'nnn', 'ooo']).split('\n').at(-2)).toBe('mmmmmmmmmmmmmmm   nnn              ooo');
    // and the next flush keeps the widened first column
    expect(write(['p', 'q', 'r']).split('\n').at(-2)).toBe('p                 q                r');
  });
});

describe('tabwriter_test.go :: TestMultiWrite as written, text with tabs (a watch\'s -o jsonpath text goes through the tabwriter)', () => {
  it('each flush aligns its tab-terminated cells to the widest each column has been', () => {
    const flush = rememberingText();
    const written: string[] = [];
    const write = (text: string): string => {
      written.push(flush(text));
      return written.join('');
    };
    write('First\tMiddle\tLast\na\tbb\tccc\nddd\teeeeeeeeeeeeee\tf\n');
    write('g\th\ti\n');
    write('j\t\t\n');
    write('\tk\t\n');
    write('\t\tl\n');
    expect(write('mmmmmmmmmmmmmmm\tnnn\tooo\n')).toBe(`${multiWriteUpToL}mmmmmmmmmmmmmmm   nnn              ooo\n`);
    // text without a tab passes as it is; a line not ended yet is aligned with what the flush holds
    expect(flush('no tabs here\n')).toBe('no tabs here\n');
    expect(flush('p\tq')).toBe('p                 q');
  });
});

describe('tableprinter_test.go :: TestPrintTable, NoHeaders (cli-runtime v0.36.2 printTable writes no header row)', () => {
  /** A pod of TestPrintTable's rows: NAME, READY as ready/containers, RESTARTS, AGE in hours. */
  const row = (name: string, ready: number, containers: number, restarts: number, hours: number) =>
    rowLine(
      podTableRow(
        pod({
          metadata: { name, creationTimestamp: ago(hours * HOUR) },
          containers,
          status: {
            phase: 'Unknown',
            containerStatuses: Array.from({ length: containers }, (_, i) => cs({ ready: i < ready, restartCount: i === 0 ? restarts : 0, state: { running: {} } })),
          },
        }),
      ),
    );

  it('a single row table', () => {
    expect(printRows([row('test1', 1, 1, 5, 20)], { output: 'table', headers: false }, NOW).stdout).toBe('test1   1/1   Unknown   5     20h\n');
  });

  it('a multi-row table; with the header, the header widens READY and RESTARTS', () => {
    const rows = [row('test1', 1, 1, 5, 20), row('test2', 1, 2, 30, 21), row('test3', 4, 4, 1, 22)];
    expect(printRows(rows, { output: 'table', headers: false }, NOW).stdout).toBe(
      ['test1   1/1   Unknown   5     20h', 'test2   1/2   Unknown   30    21h', 'test3   4/4   Unknown   1     22h', ''].join('\n'),
    );
    expect(printRows(rows, { output: 'table' }, NOW).stdout).toBe(
      [
        'NAME    READY   STATUS    RESTARTS   AGE',
        'test1   1/1     Unknown   5          20h',
        'test2   1/2     Unknown   30         21h',
        'test3   4/4     Unknown   1          22h',
        '',
      ].join('\n'),
    );
  });
});
