/**
 * Field selectors as the API server reads them for pods: kubernetes/kubernetes pkg/apis/core/v1/conversion.go ::
 * addConversionFuncs (the field labels a v1 Pod selector may name), pkg/registry/core/pod/strategy.go ::
 * PodToSelectableFields (what each reads), and apimachinery fields/selector.go :: parseSelector (terms sorted,
 * all parsed before any label is converted; the error words).
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { fieldsMatch, parseFieldSelector, podFields } from '../../src/selectors/index.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { pod } from '../printers/fixtures.js';

const matches = (selector: string, p: V1Pod): boolean => {
  const parsed = parseFieldSelector(selector, podFields);
  if (E.isLeft(parsed)) throw new Error(parsed.left.message);
  return fieldsMatch(parsed.right, podFields, p);
};

describe('the field labels of a v1 Pod (conversion.go :: addConversionFuncs)', () => {
  it('accepts status.podIPs and spec.host, which podj refused', () => {
    for (const field of ['status.podIPs', 'spec.host']) expect(E.isRight(parseFieldSelector(`${field}=x`, podFields)), field).toBe(true);
  });

  it('spec.host is converted to spec.nodeName for old v1 clients', () => {
    const bound = pod({ metadata: { name: 'web' }, containers: 1, spec: { nodeName: 'node01' } });
    expect(matches('spec.host=node01', bound)).toBe(true);
    expect(matches('spec.host=node02', bound)).toBe(false);
  });

  it('status.podIPs is no field PodToSelectableFields sets: it reads as empty', () => {
    const running = pod({ metadata: { name: 'web' }, containers: 1, status: { phase: 'Running', podIP: '10.0.0.7', podIPs: [{ ip: '10.0.0.7' }] } });
    expect(matches('status.podIPs=10.0.0.7', running)).toBe(false);
    expect(matches('status.podIPs=', running)).toBe(true);
  });

  it('status.podIP is the first of status.podIPs, else podIP (a pod from before v1.16, converted)', () => {
    const dual = pod({ metadata: { name: 'web' }, containers: 1, status: { podIP: '10.0.0.7', podIPs: [{ ip: '10.0.0.7' }, { ip: 'fd00::7' }] } });
    expect(matches('status.podIP=10.0.0.7', dual)).toBe(true);
    const old = pod({ metadata: { name: 'old' }, containers: 1, status: { podIP: '10.0.0.8' } });
    expect(matches('status.podIP=10.0.0.8', old)).toBe(true);
  });
});

describe('fields/selector.go :: parseSelector, then the label conversion (handlers/get.go :: ListResource)', () => {
  it('refuses a term without an operator naming the whole selector and the term, before any unsupported label', () => {
    expect(parseFieldSelector('spec.color=blue,status.phase', podFields)).toEqual(
      E.left({ reason: 'invalid', message: "invalid selector: 'spec.color=blue,status.phase'; can't understand 'status.phase'" }),
    );
  });

  it('names the first unsupported label in sorted order', () => {
    expect(parseFieldSelector('zone=a,spec.color=blue', podFields)).toEqual(E.left({ reason: 'unsupported', message: 'field label not supported: spec.color' }));
  });
});
