/** Fields the v1 Pod does not have: one warning each, with its line, and the field kept in the pod. */
import { describe, expect, it } from 'vitest';
import { firstPod, loadOk } from './load-helpers.js';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: p
  colour: blue
spec:
  containers:
  - name: c
    image: busybox:1.36
    foo: 1
    resources:
      limits: { memory: 1Gi }
      burst: 2
  volumes:
  - name: data
    emptyDir: { sizeLimit: 1Gi }
    magic: {}
  securityContext: { anything: goes }
status:
  phase: Pending
  mood: calm
`;

describe('unknown fields', () => {
  it('warns once per unknown field, naming file, line and path', () => {
    expect(loadOk(manifest, 'pod.yaml').warnings).toEqual([
      'pod.yaml:5: unknown field "metadata.colour"',
      'pod.yaml:10: unknown field "spec.containers[0].foo"',
      'pod.yaml:13: unknown field "spec.containers[0].resources.burst"',
      'pod.yaml:17: unknown field "spec.volumes[0].magic"',
      'pod.yaml:21: unknown field "status.mood"',
    ]);
  });

  it('keeps the unknown fields in the pod', () => {
    const pod = firstPod(manifest);
    expect(pod.metadata).toHaveProperty('colour', 'blue');
    expect(pod.spec.containers[0]).toHaveProperty('foo', 1);
    expect(pod.spec.volumes?.[0]).toHaveProperty('magic', {});
  });

  it('does not look inside open objects such as securityContext', () => {
    expect(loadOk(manifest).warnings.some((w) => w.includes('securityContext'))).toBe(false);
  });

  it('finds unknown fields inside the items of a List', () => {
    const list = `{
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    { "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "a" },
      "spec": { "containers": [{ "name": "c", "image": "busybox:1.36", "bogus": true }] } }
  ]
}`;
    expect(loadOk(list, 'list.json').warnings).toEqual(['list.json:6: unknown field "spec.containers[0].bogus"']);
  });
});
