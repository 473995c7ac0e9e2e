/**
 * Kubernetes' toleration cases as data: `staging/src/k8s.io/api/core/v1/toleration_test.go ::
 * TestTolerationToleratesTaint` at kubernetes/api v0.36.3 (the API of Kubernetes v1.36.3), put to `toleratesTaint`,
 * which the scheduler's fit, the kubelet's admission and the taint-eviction controller share.
 *
 * The cases that enable the gate TaintTolerationComparisonOperators (numeric `Lt`/`Gt`; alpha since v1.35, off by
 * default in v1.36) are listed and skipped, and so is `TestCompareNumericValues`, which tests only that comparison.
 */
import { describe, expect, test } from 'vitest';
import { toleratesTaint, type Taint, type Toleration } from '../../src/k8s/tolerations.js';

interface Case {
  readonly description: string;
  readonly toleration: Toleration;
  readonly taint: Taint;
  readonly expectTolerated: boolean;
  readonly comparisonOperators?: true;
}

const COMPARISON_GATE = 'gate TaintTolerationComparisonOperators (Lt/Gt on tolerations) is alpha and off by default in v1.36';
const sla = 'node.kubernetes.io/sla';
const gt = (value: string, key = sla): Toleration => ({ key, operator: 'Gt', value, effect: 'NoSchedule' });
const lt = (value: string): Toleration => ({ key: sla, operator: 'Lt', value, effect: 'NoSchedule' });
const taint = (value: string, key = sla): Taint => ({ key, value, effect: 'NoSchedule' });
/** Upstream's key `foo` cases (effect NoSchedule unless said). */
const foo = (operator: string, value?: string): Toleration => ({ key: 'foo', operator, ...(value !== undefined && { value }), effect: 'NoSchedule' });
const fooTaint = (value?: string, effect = 'NoSchedule'): Taint => ({ key: 'foo', ...(value !== undefined && { value }), effect });

// toleration_test.go :: TestTolerationToleratesTaint
const TestTolerationToleratesTaint: Case[] = [
  { description: 'toleration and taint have the same key and effect, and operator is Exists, and taint has no value, expect tolerated', toleration: foo('Exists'), taint: fooTaint(), expectTolerated: true },
  { description: 'toleration and taint have the same key and effect, and operator is Exists, and taint has some value, expect tolerated', toleration: foo('Exists'), taint: fooTaint('bar'), expectTolerated: true },
  {
    description: 'toleration and taint have the same effect, toleration has empty key and operator is Exists, means match all taints, expect tolerated',
    toleration: { key: '', operator: 'Exists', effect: 'NoSchedule' },
    taint: fooTaint('bar'),
    expectTolerated: true,
  },
  { description: 'toleration and taint have the same key, effect and value, and operator is Equal, expect tolerated', toleration: foo('Equal', 'bar'), taint: fooTaint('bar'), expectTolerated: true },
  { description: 'toleration and taint have the same key and effect, but different values, and operator is Equal, expect not tolerated', toleration: foo('Equal', 'value1'), taint: fooTaint('value2'), expectTolerated: false },
  { description: 'toleration and taint have the same key and value, but different effects, and operator is Equal, expect not tolerated', toleration: foo('Equal', 'bar'), taint: fooTaint('bar', 'NoExecute'), expectTolerated: false },
  { description: 'toleration with Gt operator - taint value less than toleration value, expect not tolerated', toleration: gt('950'), taint: taint('800'), expectTolerated: false, comparisonOperators: true },
  { description: 'toleration with Gt operator - taint value greater than toleration value, expect tolerated', toleration: gt('750'), taint: taint('950'), expectTolerated: true, comparisonOperators: true },
  { description: 'toleration with Lt operator - taint value greater than toleration value, expect not tolerated', toleration: lt('800'), taint: taint('950'), expectTolerated: false, comparisonOperators: true },
  { description: 'toleration with Lt operator - taint value less than toleration value, expect tolerated', toleration: lt('950'), taint: taint('800'), expectTolerated: true, comparisonOperators: true },
  { description: 'toleration with Gt operator and taint with equal numeric value, expect not tolerated', toleration: gt('950'), taint: taint('950'), expectTolerated: false, comparisonOperators: true },
  { description: 'toleration with Gt operator and taint with non-numeric value, expect not tolerated', toleration: gt('950'), taint: taint('high'), expectTolerated: false, comparisonOperators: true },
  {
    description: 'toleration with Gt operator and negative numeric values - taint value less than threshold, expect not tolerated',
    toleration: gt('-100', 'test-key'),
    taint: taint('-200', 'test-key'),
    expectTolerated: false,
    comparisonOperators: true,
  },
  {
    description: 'toleration with Gt operator and large int64 values - taint value less than threshold, expect not tolerated',
    toleration: gt('9223372036854775806', 'test-key'),
    taint: taint('100', 'test-key'),
    expectTolerated: false,
    comparisonOperators: true,
  },
];

describe('core/v1/toleration_test.go (kubernetes/api v0.36.3) :: TestTolerationToleratesTaint', () => {
  for (const c of TestTolerationToleratesTaint) {
    (c.comparisonOperators === undefined ? test : test.skip)(`${c.description}${c.comparisonOperators === undefined ? '' : ` (not applicable: ${COMPARISON_GATE})`}`, () => {
      expect(toleratesTaint(c.toleration, c.taint)).toBe(c.expectTolerated);
    });
  }
});

describe('core/v1/toleration_test.go (kubernetes/api v0.36.3) :: TestCompareNumericValues', () => {
  test.skip(`every case (not applicable: ${COMPARISON_GATE})`, () => {});
});
