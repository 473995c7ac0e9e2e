/**
 * `kubectl events`' printer and order, Kubernetes' own cases: kubectl/pkg/cmd/events/event_printer_test.go ::
 * TestPrintObj and events_test.go :: TestEventIsSorted, TestEventNoHeaders, TestEventFiltered (v1.36), their
 * Events' times given relative to a fixed `now` as upstream gives them relative to `time.Now()`. Upstream prints
 * through a raw writer (tabs) in TestPrintObj and through `printers.GetNewTabWriter` in events_test.go: both
 * are checked, the tabs joined and the table as the tabwriter aligns it.
 */
import { describe, expect, it } from 'vitest';
import { escapeCell, kubectlEventsRows, sortedByEventTime, type PrintedEvent } from '../../src/printers/kubectl-events.js';
import { renderTable } from '../../src/printers/tabwriter.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const ago = (minutes: number): string => new Date(NOW.getTime() - minutes * 60_000).toISOString().replace('Z', '000Z');

/** upstream's fake Deployment Event: eventTime and a series of 3, no first or last timestamp. */
const event = (namespace: string, name: string, type: string, firstAgo: number, lastAgo: number): PrintedEvent => ({
  metadata: { namespace },
  involvedObject: { kind: 'Deployment', name },
  type,
  reason: 'ScalingReplicaSet',
  message: 'Scaled up replica set bar-002 to 1',
  eventTime: ago(firstAgo),
  firstTimestamp: null,
  lastTimestamp: null,
  series: { count: 3, lastObservedTime: ago(lastAgo) },
});

const tabs = (events: readonly PrintedEvent[], allNamespaces: boolean, headers = true): string =>
  kubectlEventsRows(events, allNamespaces, NOW)
    .slice(headers ? 0 : 1)
    .map((r) => `${r.join('\t')}\n`)
    .join('');

describe('event_printer_test.go :: TestPrintObj', () => {
  it('one Event: LAST SEEN is the series\' last observation, "(x3 over" its first', () => {
    expect(tabs([event('foo', 'bar', 'Normal', 20, 12)], false)).toBe(
      'LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n12m (x3 over 20m)\tNormal\tScalingReplicaSet\tDeployment/bar\tScaled up replica set bar-002 to 1\n',
    );
  });

  it('a list across namespaces: NAMESPACE first, the Event\'s own namespace', () => {
    expect(tabs([event('foo', 'bar', 'Normal', 20, 12), event('bar', 'bar2', 'Normal', 15, 11)], true)).toBe(
      'NAMESPACE\tLAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\nfoo\t12m (x3 over 20m)\tNormal\tScalingReplicaSet\tDeployment/bar\tScaled up replica set bar-002 to 1\nbar\t11m (x3 over 15m)\tNormal\tScalingReplicaSet\tDeployment/bar2\tScaled up replica set bar-002 to 1\n',
    );
  });

  it('--no-headers, with and without -A', () => {
    expect(tabs([event('foo', 'bar', 'Normal', 20, 12)], false, false)).toBe('12m (x3 over 20m)\tNormal\tScalingReplicaSet\tDeployment/bar\tScaled up replica set bar-002 to 1\n');
    expect(tabs([event('foo', 'bar', 'Normal', 20, 12)], true, false)).toBe('foo\t12m (x3 over 20m)\tNormal\tScalingReplicaSet\tDeployment/bar\tScaled up replica set bar-002 to 1\n');
  });

  it('terminal escapes are made visible (printers.EscapeTerminal)', () => {
    const escaping = { ...event('foo', 'bar\x1b', 'test\x1b', 20, 1), reason: 'test\x1b', message: '\x1b' };
    expect(tabs([escaping], false)).toBe('LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n60s (x3 over 20m)\ttest^[\ttest^[\tDeployment/bar^[\t^[\n');
  });

  it('a cell is cut at its first line break, formfeed included (cellBreakChars), the message trimmed first', () => {
    expect(escapeCell('first line\nsecond')).toBe('first line...');
    expect(escapeCell('a\fb')).toBe('a...');
    expect(escapeCell('a\r\nb')).toBe('a...');
    expect(tabs([{ ...event('foo', 'bar', 'Normal', 20, 12), message: '  out of memory\n  killed  ' }], false).split('\n')[1]).toMatch(/\tout of memory\.\.\.$/);
  });

  it('an Event seen once is aged from its firstTimestamp, one seen again shows its lastTimestamp and count; no time is <unknown>', () => {
    const once: PrintedEvent = { metadata: { namespace: 'foo' }, involvedObject: { kind: 'Pod', name: 'web' }, type: 'Normal', reason: 'Pulled', message: 'm', eventTime: null, firstTimestamp: ago(3), lastTimestamp: ago(1), count: 1 };
    expect(kubectlEventsRows([once], false, NOW)[1]?.[0]).toBe('3m');
    expect(kubectlEventsRows([{ ...once, count: 4 }], false, NOW)[1]?.[0]).toBe('60s (x4 over 3m)');
    expect(kubectlEventsRows([{ ...once, firstTimestamp: null, lastTimestamp: null }], false, NOW)[1]?.[0]).toBe('<unknown>');
  });
});

describe('events_test.go (the table through GetNewTabWriter)', () => {
  const fake = [event('foo', 'bar', 'Normal', 30, 20), event('foo', 'bar', 'Warning', 28, 18), event('otherfoo', 'bar', 'Normal', 25, 15)];

  it('TestEventIsSorted: by the series\' last observation, earliest first', () => {
    const shuffled = [fake[2], fake[0], fake[1]].filter((e) => e !== undefined);
    expect(renderTable(kubectlEventsRows(sortedByEventTime(shuffled), true, NOW))).toBe(
      `NAMESPACE   LAST SEEN           TYPE      REASON              OBJECT           MESSAGE
foo         20m (x3 over 30m)   Normal    ScalingReplicaSet   Deployment/bar   Scaled up replica set bar-002 to 1
foo         18m (x3 over 28m)   Warning   ScalingReplicaSet   Deployment/bar   Scaled up replica set bar-002 to 1
otherfoo    15m (x3 over 25m)   Normal    ScalingReplicaSet   Deployment/bar   Scaled up replica set bar-002 to 1
`,
    );
  });

  it('TestEventNoHeaders', () => {
    expect(renderTable(kubectlEventsRows(sortedByEventTime(fake), true, NOW).slice(1))).toBe(
      `foo        20m (x3 over 30m)   Normal    ScalingReplicaSet   Deployment/bar   Scaled up replica set bar-002 to 1
foo        18m (x3 over 28m)   Warning   ScalingReplicaSet   Deployment/bar   Scaled up replica set bar-002 to 1
otherfoo   15m (x3 over 25m)   Normal    ScalingReplicaSet   Deployment/bar   Scaled up replica set bar-002 to 1
`,
    );
  });

  it('sorting: lastTimestamp where there is no series, eventTime where there is neither; ties keep their order', () => {
    const base: PrintedEvent = { metadata: { namespace: 'a' }, involvedObject: { kind: 'Pod', name: 'p' }, type: 'Normal', reason: 'R', message: 'm', eventTime: null, firstTimestamp: ago(10), lastTimestamp: ago(10), count: 1 };
    const late = { ...base, reason: 'late', lastTimestamp: ago(1) };
    const byEventTime = { ...base, reason: 'eventTime', firstTimestamp: null, lastTimestamp: null, eventTime: ago(5) };
    const tie = { ...base, reason: 'tie' };
    expect(sortedByEventTime([late, byEventTime, base, tie]).map((e) => e.reason)).toEqual(['R', 'tie', 'eventTime', 'late']);
  });
});
