/**
 * Kubernetes' cases as data: `scheduling/corev1/helpers_test.go :: TestFindMatchingUntoleratedTaint` at
 * kubernetes/component-helpers v0.36.3 (staging/src/k8s.io/component-helpers of Kubernetes v1.36.3), put to
 * `findMatchingUntoleratedTaint`, which the scheduler's TaintToleration filter uses. Upstream's nil filter is an
 * absent one. The cases that enable the gate TaintTolerationComparisonOperators (numeric `Lt`/`Gt`; alpha since
 * v1.35, off by default in v1.36) are listed and skipped.
 */
import { describe, expect, test } from 'vitest';
import { findMatchingUntoleratedTaint, type Taint, type Toleration } from '../../src/k8s/tolerations.js';

interface Case {
  readonly description: string;
  readonly tolerations: readonly Toleration[];
  readonly taints: readonly Taint[];
  readonly applyFilter?: (taint: Taint) => boolean;
  readonly expectTolerated: boolean;
  readonly comparisonOperators?: true;
}

const COMPARISON_GATE = 'gate TaintTolerationComparisonOperators (Lt/Gt on tolerations) is alpha and off by default in v1.36';
const all = (): boolean => true;
const sla = 'node.kubernetes.io/sla';
const fooExists = (effect = 'NoSchedule'): Toleration => ({ key: 'foo', operator: 'Exists', effect });
const numeric = (operator: 'Gt' | 'Lt', value: string): Toleration => ({ key: sla, operator, value, effect: 'NoSchedule' });
const slaTaint = (value: string): Taint => ({ key: sla, value, effect: 'NoSchedule' });

const TestFindMatchingUntoleratedTaint: Case[] = [
  { description: 'empty tolerations tolerate empty taints', tolerations: [], taints: [], applyFilter: all, expectTolerated: true },
  { description: 'non-empty tolerations tolerate empty taints', tolerations: [fooExists()], taints: [], applyFilter: all, expectTolerated: true },
  { description: 'tolerations match all taints, expect tolerated', tolerations: [fooExists()], taints: [{ key: 'foo', effect: 'NoSchedule' }], applyFilter: all, expectTolerated: true },
  {
    description: "tolerations don't match taints, but no taints apply to the filter, expect tolerated",
    tolerations: [fooExists()],
    taints: [{ key: 'bar', effect: 'NoSchedule' }],
    applyFilter: () => false,
    expectTolerated: true,
  },
  {
    description: "no filterFunc indicated, means all taints apply to the filter, tolerations don't match taints, expect untolerated",
    tolerations: [fooExists()],
    taints: [{ key: 'bar', effect: 'NoSchedule' }],
    expectTolerated: false,
  },
  {
    description: 'tolerations match taints, expect tolerated',
    tolerations: [fooExists('NoExecute')],
    taints: [
      { key: 'foo', effect: 'NoExecute' },
      { key: 'bar', effect: 'NoSchedule' },
    ],
    applyFilter: (t) => t.effect === 'NoExecute',
    expectTolerated: true,
  },
  { description: 'numeric Gt operator with taint value below threshold, expect not tolerated', tolerations: [numeric('Gt', '950')], taints: [slaTaint('800')], applyFilter: all, expectTolerated: false, comparisonOperators: true },
  { description: 'numeric Gt operator with taint value above threshold, expect tolerated', tolerations: [numeric('Gt', '750')], taints: [slaTaint('950')], applyFilter: all, expectTolerated: true, comparisonOperators: true },
  { description: 'numeric Lt operator with taint value above threshold, expect not tolerated', tolerations: [numeric('Lt', '800')], taints: [slaTaint('950')], applyFilter: all, expectTolerated: false, comparisonOperators: true },
  { description: 'numeric Gt operator with non-numeric taint value, expect not tolerated', tolerations: [numeric('Gt', '950')], taints: [slaTaint('high')], applyFilter: all, expectTolerated: false, comparisonOperators: true },
];

describe('helpers_test.go (component-helpers v0.36.3) :: TestFindMatchingUntoleratedTaint', () => {
  for (const c of TestFindMatchingUntoleratedTaint) {
    (c.comparisonOperators === undefined ? test : test.skip)(`${c.description}${c.comparisonOperators === undefined ? '' : ` (not applicable: ${COMPARISON_GATE})`}`, () => {
      expect(findMatchingUntoleratedTaint(c.taints, c.tolerations, c.applyFilter) === undefined).toBe(c.expectTolerated);
    });
  }

  // FindMatchingUntoleratedTaint returns the first untolerated taint the filter keeps, in the node's order
  test('the first untolerated taint the filter keeps is the one named', () => {
    const taints: Taint[] = [
      { key: 'foo', effect: 'NoSchedule' },
      { key: 'bar', value: 'x', effect: 'PreferNoSchedule' },
      { key: 'baz', value: 'y', effect: 'NoExecute' },
      { key: 'qux', effect: 'NoSchedule' },
    ];
    expect(findMatchingUntoleratedTaint(taints, [fooExists()], (t) => t.effect !== 'PreferNoSchedule')).toEqual({ key: 'baz', value: 'y', effect: 'NoExecute' });
  });
});
