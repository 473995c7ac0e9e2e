/**
 * `from.recorded` (the Kubernetes Event an imported fact was read from) goes through the journal's codec: the
 * compiled encoder and guard accept it in their one walk, the io-ts check names a bad field's path, and an
 * event without it keeps its canonical record byte for byte.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { canonical } from '../../src/journal/canonical.js';
import { checkedCanonicalEvent } from '../../src/journal/compiled-encoder.js';
import { checkEvent } from '../../src/journal/event-guard.js';

const started = {
  v: 1,
  type: 'ContainerStarted',
  at: '2025-09-11T20:40:05.000Z',
  source: 'runtime',
  pod: { namespace: 'kube-system', name: 'coredns-5688667fd4-v5z66', uid: 'u-1' },
  container: 'coredns',
  containerID: '',
};

/** The k3s v1.33 kubelet's `Started` Event (test/fixtures/real/troubleshoot/events-kube-system.json). */
const recorded = {
  object: 'e-1',
  type: 'Normal',
  reason: 'Started',
  message: 'Started container coredns',
  component: 'kubelet',
  host: 'c9b7eea91',
};

describe('an imported fact carries its recorded Event through the journal codec', () => {
  it('is stored by the compiled encoder and guard, as the generic encoder writes it', () => {
    const event = { ...started, from: { file: 'events.json', line: 1, recorded } };
    const checked = checkEvent(event);
    expect(E.isRight(checked) && checked.right.from?.recorded).toEqual(recorded);
    expect(checkedCanonicalEvent(event)).toBe(canonical(event));
  });

  it("stores the object's name and reporter fields as it held them, by the compiled encoder as the generic one", () => {
    const held = { ...recorded, name: 'coredns-5688667fd4-v5z66.1864554ea8a4d1e6', source: {}, reportingComponent: 'kubelet', reportingInstance: 'c9b7eea91' };
    const event = { ...started, from: { file: 'events.json', line: 1, recorded: held } };
    const checked = checkEvent(event);
    expect(E.isRight(checked) && checked.right.from?.recorded).toEqual(held);
    expect(checkedCanonicalEvent(event)).toBe(canonical(event));
    expect(E.isLeft(checkEvent({ ...event, from: { recorded: { ...held, reportingComponent: 7 } } }))).toBe(true);
  });

  it('leaves the record of an event without it as it was', () => {
    expect(checkedCanonicalEvent(started)).toBe(
      '{"at":"2025-09-11T20:40:05.000Z","container":"coredns","containerID":"","pod":{"name":"coredns-5688667fd4-v5z66","namespace":"kube-system","uid":"u-1"},"source":"runtime","type":"ContainerStarted","v":1}',
    );
  });

  it('refuses a recorded Event without its message, naming the path', () => {
    const { message: _message, ...partial } = recorded;
    const event = { ...started, from: { recorded: partial } };
    expect(checkedCanonicalEvent(event)).toBeUndefined();
    const checked = checkEvent(event);
    expect(E.isLeft(checked) && checked.left).toMatch(/from.*recorded.*message/);
  });
});
