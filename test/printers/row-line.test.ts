/** `get pods` rows as lines (what snapshots and the head table store): exact round trips, and kubectl's order. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareStorageKeys } from '../../src/printers/go-sort.js';
import { tableRowsOfLines } from '../../src/printers/pod-columns.js';
import { renderTable } from '../../src/printers/tabwriter.js';
import { printRows, sortRows } from '../../src/printers/pod-table.js';
import type { PodTableRow } from '../../src/printers/pod-table-row.js';
import { isInferredRow, isInferredSinceCaptureRow, isRowLine, keyText, lineKeyText, rowKey, rowLine, rowOfLine } from '../../src/printers/row-line.js';
import { NOW } from './fixtures.js';

/** Texts with what a line's layout must escape: tabs, newlines, backslashes, the unset marker, non-ASCII. */
const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '-', '.', ' ', '\t', '\n', '\\', '\\-', '\u0001', 'é', '😀', '{', '}'), maxLength: 10 });
const instant = fc.option(fc.constantFrom('2026-03-14T09:00:00Z', '2026-03-14T08:59:01Z', 'not a time', ''), { nil: undefined });

const arbRow: fc.Arbitrary<PodTableRow> = fc
  .record({
    namespace: text,
    labels: fc.dictionary(text, text, { maxKeys: 3 }),
    name: text,
    ready: text,
    status: text,
    restarts: fc.integer({ min: 0, max: 1000 }),
    lastRestartDate: instant,
    creationTimestamp: instant,
    ip: text,
    node: text,
    nominatedNode: text,
    readinessGates: text,
    // Known only from Events, resting on facts inferred since the last capture, or neither (never both).
    provenance: fc.constantFrom('events', 'sinceCapture', 'captured'),
  })
  .map((r) => ({
    namespace: r.namespace,
    labels: r.labels,
    facts: {
      name: r.name,
      ready: r.ready,
      status: r.status,
      restarts: r.restarts,
      ...(r.lastRestartDate === undefined ? {} : { lastRestartDate: r.lastRestartDate }),
      ...(r.creationTimestamp === undefined ? {} : { creationTimestamp: r.creationTimestamp }),
    },
    wide: { ip: r.ip, node: r.node, nominatedNode: r.nominatedNode, readinessGates: r.readinessGates },
    inferred: r.provenance === 'events',
    sinceCapture: r.provenance === 'sinceCapture',
  }));

describe('row lines', () => {
  it('give back the row exactly, whatever its cells hold, in one line of 13 cells', () => {
    fc.assert(
      fc.property(arbRow, (row) => {
        const line = rowLine(row);
        expect(line).not.toContain('\n');
        expect(isRowLine(line)).toBe(true);
        expect(rowOfLine(line)).toEqual(row);
        expect(rowKey(line)).toEqual({ namespace: row.namespace, name: row.facts.name });
        expect(lineKeyText(line)).toBe(keyText(row.namespace, row.facts.name));
        expect(isInferredRow(line)).toBe(row.inferred);
        expect(isInferredSinceCaptureRow(line)).toBe(row.sinceCapture);
      }),
    );
  });

  it('sort as kubectl lists (by storage key: namespace, "/", name, in Go string order), escapes and control characters included', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 12 }), (rows) => {
        // One row per namespace and name, as the API server stores them.
        const unique = [...new Map(rows.map((r) => [JSON.stringify([r.namespace, r.facts.name]), r])).values()];
        const expected = [...unique].sort((a, b) => compareStorageKeys(a.namespace, a.facts.name, b.namespace, b.facts.name));
        expect(sortRows(unique.map(rowLine))).toEqual(expected.map(rowLine));
      }),
    );
  });

  it('sort plain DNS names natively in the same order', () => {
    const dns = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', '9', '-', '.'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(dns, dns), { selector: ([ns, name]) => `${ns}/${name}`, maxLength: 20 }), (keys) => {
        const lines = keys.map(([namespace, name]) => rowLine({ namespace, labels: {}, facts: { name, ready: '1/1', status: 'Running', restarts: 0 }, wide: { ip: '<none>', node: '<none>', nominatedNode: '<none>', readinessGates: '<none>' }, inferred: false, sinceCapture: false }));
        const expected = [...keys].sort(([an, am], [bn, bm]) => compareStorageKeys(an, am, bn, bm));
        expect(sortRows(lines).map(rowKey)).toEqual(expected.map(([namespace, name]) => ({ namespace, name })));
      }),
    );
  });

  it('print the cells they hold, escapes undone, AGE and the restart counted at the clock', () => {
    const row: PodTableRow = {
      namespace: 'prod',
      labels: { app: 'web', tier: 'a\tb' },
      facts: { name: 'web\\1', ready: '0/1', status: 'Crash\tLoop', restarts: 2, lastRestartDate: '2026-03-14T09:59:00Z', creationTimestamp: '2026-03-14T08:00:00Z' },
      wide: { ip: '10.0.0.1', node: 'node-1', nominatedNode: '<none>', readinessGates: '<none>' },
      inferred: false,
      sinceCapture: false,
    };
    const now = new Date('2026-03-14T10:00:00Z');
    expect(printRows([rowLine(row)], { output: 'table', allNamespaces: true, labelColumns: ['tier'], showLabels: true }, now).stdout).toBe(
      ['NAMESPACE   NAME    READY   STATUS       RESTARTS      AGE    TIER   LABELS', 'prod        web\\1   0/1     Crash\tLoop   2 (60s ago)   120m   a\tb    app=web,tier=a\tb', ''].join('\n'),
    );
    expect(printRows([rowLine(row)], { output: 'name' }, NOW).stdout).toBe('pod/web\\1\n');
  });

  it('print, measured in their lines, what the tab writer prints of their cells (escapes, surrogate pairs, every column set)', () => {
    const options = fc.record({ wide: fc.boolean(), withNamespace: fc.boolean(), showLabels: fc.boolean(), labelColumns: fc.subarray(['a', 'Z', '😀', 'x/{']) });
    fc.assert(
      fc.property(fc.array(arbRow, { minLength: 1, maxLength: 8 }), options, (rows, table) => {
        const lines = rows.map(rowLine);
        const opts = { output: table.wide ? ('wide' as const) : ('table' as const), allNamespaces: table.withNamespace, showLabels: table.showLabels, labelColumns: table.labelColumns };
        expect(printRows(lines, opts, NOW).stdout).toBe(renderTable(tableRowsOfLines(lines, table, NOW)));
      }),
    );
  });
});
