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
import { rememberingTable } from '../../src/printers/tabwriter.js';
import { HOUR, ago, cs, pod, NOW } from './fixtures.js';

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
    expect(write(['', '', 'l'])).toBe(
      [
        'First   Middle           Last\n',
        'a       bb               ccc\n',
        'ddd     eeeeeeeeeeeeee   f\n',
        'g       h                i\n',
        'j                        \n',
        '        k                \n',
        '                         l\n',
      ].join(''),
    );
    expect(write(['mmmmmmmmmmmmmmm', 'nnn', 'ooo']).split('\n').at(-2)).toBe('mmmmmmmmmmmmmmm   nnn              ooo');
    // and the next flush keeps the widened first column
    expect(write(['p', 'q', 'r']).split('\n').at(-2)).toBe('p                 q                r');
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
