/**
 * Field selectors as the API server reads them for pods: kubernetes/kubernetes pkg/apis/core/v1/conversion.go ::
 * addConversionFuncs (the field labels a v1 Pod selector may name), pkg/registry/core/pod/strategy.go ::
 * PodToSelectableFields (what each reads), and apimachinery fields/selector.go :: parseSelector (terms sorted,
 * all parsed before any label is converted; the error words).
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { fieldsMatch, parseFieldSelector, podFields, type SelectableFields } from '../../src/selectors/index.js';
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

/** A fields.Set as the Go tests give it: every key selectable, a missing one read as empty. */
type FieldSet = Readonly<Record<string, string>>;
const setFields = (...keys: string[]): SelectableFields<FieldSet> => Object.fromEntries(keys.map((k) => [k, (s: FieldSet) => s[k] ?? '']));

describe('apimachinery fields/selector_test.go :: TestSelectorParse, TestEscapeValue, TestSelectorMatches', () => {
  const xyz = setFields('x', 'y', 'z');

  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=a||y\\=b', 'x=a\\=\\=b'])('parses %j', (selector) => {
    expect(E.isRight(parseFieldSelector(selector, xyz))).toBe(true);
  });

  it.each([
    ['x=a||y=b', 'invalid field selector: unescaped character in value: 61'],
    ['x==a==b', 'invalid field selector: unescaped character in value: 61'],
    ['x=a,b', "invalid selector: 'x=a,b'; can't understand 'b'"],
    ['x in (a)', "invalid selector: 'x in (a)'; can't understand 'x in (a)'"],
    ['x in (a,b,c)', "invalid selector: 'x in (a,b,c)'; can't understand 'b'"],
    ['x', "invalid selector: 'x'; can't understand 'x'"],
  ])('refuses %j: %s', (selector, message) => {
    expect(parseFieldSelector(selector, xyz)).toEqual(E.left({ reason: 'invalid', message }));
  });

  it.each([
    ['x=\\', 'invalid field selector: invalid escape sequence: \\'],
    ['x=\\\\\\', 'invalid field selector: invalid escape sequence: \\'],
    ['x=\\a', 'invalid field selector: invalid escape sequence: \\a'],
  ])('refuses the escape of %j (TestEscapeValue invalidTestcases)', (selector, message) => {
    expect(parseFieldSelector(selector, xyz)).toEqual(E.left({ reason: 'invalid', message }));
  });

  it('matches a value written with escapes (TestSelectorMatches: complex=\\=value\\\\\\,\\\\)', () => {
    const fields = setFields('foo', 'baz', 'complex', 'foobar');
    const fieldset: FieldSet = { foo: 'bar', baz: 'blah', complex: '=value\\,\\' };
    const matches = (selector: string): boolean => {
      const parsed = parseFieldSelector(selector, fields);
      if (E.isLeft(parsed)) throw new Error(parsed.left.message);
      return fieldsMatch(parsed.right, fields, fieldset);
    };
    expect(matches('foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\')).toBe(true);
    expect(matches('foo=blah')).toBe(false);
    expect(matches('foo=bar,foobar=bar,baz=blah')).toBe(false);
  });
});
