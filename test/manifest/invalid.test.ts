/** What the API server rejects, each case with its exact one-line error. */
import { describe, expect, it } from 'vitest';
import { errorLine } from './load-helpers.js';

/** A pod whose spec is `specLines` (already indented by two), with `metaLines` under metadata. */
const pod = (specLines: string, metaLines = '  name: p') => `apiVersion: v1
kind: Pod
metadata:
${metaLines}
spec:
${specLines}`;
// Line numbers: metadata fields start on line 4, spec fields on line 6 (with one metadata line).

const ok = '  containers:\n  - name: c\n    image: busybox:1.36\n';

const dns1123Label =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const dns1123Subdomain =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const nameRegex =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const labelValue =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const initForbidden = 'Forbidden: may not be set for init containers without restartPolicy=Always';

const cases: ReadonlyArray<readonly [string, string, string]> = [
  // --- documents
  ['unclosed flow map (reported where the file ends)', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p\n', 'pod.yaml:4: Flow map in block collection must be sufficiently indented and end with a } (column 1)'],
  ['bad indentation', 'apiVersion: v1\nkind: Pod\n  bad: indent\nmetadata: x\n', 'pod.yaml:2: Nested mappings are not allowed in compact mappings (column 7)'],
  ['duplicate key', 'apiVersion: v1\nkind: Pod\nkind: Pod\n', 'pod.yaml:3: Map keys must be unique (column 1)'],
  ['another kind', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\n', 'pod.yaml:1: kind: unsupported kind "apps/v1 Deployment": only "v1 Pod" and a "v1 List" of Pods can be loaded'],
  ['kind spelt in lower case', 'apiVersion: v1\nkind: pod\nmetadata: { name: p }\n', 'pod.yaml:1: kind: unsupported kind "v1 pod": only "v1 Pod" and a "v1 List" of Pods can be loaded'],
  ['a List holding a Service', 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n', 'pod.yaml:4: kind: unsupported kind "v1 Service": only "v1 Pod" and a "v1 List" of Pods can be loaded'],
  ['a scalar document', 'just text\n', 'pod.yaml:1: expected a v1 Pod object'],
  ['nothing at all', '# only a comment\n', 'pod.yaml:1: no objects found'],
  // --- structure (the codecs)
  ['no spec', 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\n', 'pod.yaml:1: spec: Required value'],
  ['no containers', pod('  restartPolicy: Never\n'), 'pod.yaml:5: spec.containers: Required value'],
  ['container without a name', pod('  containers:\n  - image: busybox\n'), 'pod.yaml:7: spec.containers[0].name: Required value'],
  ['bad quantity', pod('  containers:\n  - name: a\n    image: x\n  - name: b\n    image: y\n    resources:\n      limits:\n        memory: 12Q\n'), 'pod.yaml:13: spec.containers[1].resources.limits.memory: "12Q" is not a quantity'],
  ['invalid pod restartPolicy', pod(`  restartPolicy: Sometimes\n${ok}`), 'pod.yaml:6: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
  ['invalid imagePullPolicy', pod('  containers:\n  - name: c\n    image: busybox\n    imagePullPolicy: Sometimes\n'), 'pod.yaml:9: spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
  ['grace period not an integer', pod(`  terminationGracePeriodSeconds: 1.5\n${ok}`), 'pod.yaml:6: spec.terminationGracePeriodSeconds: 1.5 is not an integer'],
  ['invalid container restartPolicy', pod('  containers:\n  - name: c\n    image: busybox\n    restartPolicy: Sometimes\n'), 'pod.yaml:9: spec.containers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
  // --- metadata
  ['missing name', pod(ok, '  labels: { a: b }'), 'pod.yaml:3: metadata.name: Required value: name or generateName is required'],
  ['generateName alone', pod(ok, '  generateName: web-'), 'pod.yaml:3: metadata.name: Required value: generateName alone is not supported, podjournal needs a name'],
  ['upper-case name', pod(ok, '  name: Web'), `pod.yaml:4: metadata.name: Invalid value: "Web": ${dns1123Subdomain}`],
  ['name too long', pod(ok, `  name: ${'a'.repeat(254)}`), `pod.yaml:4: metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`],
  ['namespace with dots', pod(ok, '  name: p\n  namespace: a.b'), 'pod.yaml:5: metadata.namespace: Invalid value: "a.b": must not contain dots'],
  ['bad label key', pod(ok, '  name: p\n  labels:\n    "bad key": x'), `pod.yaml:6: metadata.labels: Invalid value: "bad key": ${nameRegex}`],
  ['label key with an empty prefix', pod(ok, '  name: p\n  labels:\n    /x: y'), 'pod.yaml:6: metadata.labels: Invalid value: "/x": prefix part must be non-empty'],
  ['bad label value', pod(ok, '  name: p\n  labels:\n    app: "-web"'), `pod.yaml:6: metadata.labels: Invalid value: "-web": ${labelValue}`],
  ['label value too long', pod(ok, `  name: p\n  labels:\n    app: ${'v'.repeat(64)}`), `pod.yaml:6: metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`],
  ['bad annotation key', pod(ok, '  name: p\n  annotations:\n    "a/b/c": x'), "pod.yaml:6: metadata.annotations: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"],
  // --- containers
  ['empty container list', pod('  containers: []\n'), 'pod.yaml:6: spec.containers: Required value'],
  ['missing image', pod('  containers:\n  - name: c\n'), 'pod.yaml:7: spec.containers[0].image: Required value'],
  ['upper-case container name', pod('  containers:\n  - name: Web\n    image: nginx\n'), `pod.yaml:7: spec.containers[0].name: Invalid value: "Web": ${dns1123Label}`],
  ['duplicate container names', pod('  containers:\n  - name: c\n    image: a\n  - name: c\n    image: b\n'), 'pod.yaml:9: spec.containers[1].name: Duplicate value: "c"'],
  ['init container named like a container', pod(`  initContainers:\n  - name: c\n    image: busybox\n${ok}`), 'pod.yaml:7: spec.initContainers[0].name: Duplicate value: "c"'],
  ['request above limit', pod('  containers:\n  - name: c\n    image: busybox\n    resources:\n      requests: { cpu: 2 }\n      limits: { cpu: 1 }\n'), 'pod.yaml:10: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
  ['request above limit, canonical quantities', pod('  containers:\n  - name: c\n    image: busybox\n    resources:\n      requests: { memory: 2048Mi }\n      limits: { memory: 1Gi }\n'), 'pod.yaml:10: spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi'],
  ['negative request', pod('  containers:\n  - name: c\n    image: busybox\n    resources:\n      requests: { cpu: -0.5 }\n'), 'pod.yaml:10: spec.containers[0].resources.requests[cpu]: Invalid value: "-500m": must be greater than or equal to 0'],
  ['port out of range', pod('  containers:\n  - name: c\n    image: busybox\n    ports: [{ containerPort: 70000 }]\n'), 'pod.yaml:9: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
  ['unknown protocol', pod('  containers:\n  - name: c\n    image: busybox\n    ports:\n    - containerPort: 80\n      protocol: HTTP\n'), 'pod.yaml:11: spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
  ['mount of an undeclared volume', pod('  containers:\n  - name: c\n    image: busybox\n    volumeMounts: [{ name: data, mountPath: /data }]\n'), 'pod.yaml:9: spec.containers[0].volumeMounts[0].name: Not found: "data"'],
  // --- probes and hooks
  ['liveness successThreshold', pod('  containers:\n  - name: c\n    image: busybox\n    livenessProbe:\n      exec: { command: [/bin/true] }\n      successThreshold: 2\n'), 'pod.yaml:11: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
  ['startup successThreshold', pod('  containers:\n  - name: c\n    image: busybox\n    startupProbe:\n      tcpSocket: { port: 80 }\n      successThreshold: 3\n'), 'pod.yaml:11: spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1'],
  ['probe without a handler', pod('  containers:\n  - name: c\n    image: busybox\n    readinessProbe:\n      periodSeconds: 5\n'), 'pod.yaml:9: spec.containers[0].readinessProbe: Required value: must specify a handler type'],
  ['probe with two handlers', pod('  containers:\n  - name: c\n    image: busybox\n    livenessProbe:\n      exec: { command: [/bin/true] }\n      tcpSocket: { port: 80 }\n'), 'pod.yaml:11: spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type'],
  ['exec probe without a command', pod('  containers:\n  - name: c\n    image: busybox\n    livenessProbe:\n      exec: {}\n'), 'pod.yaml:10: spec.containers[0].livenessProbe.exec.command: Required value'],
  ['negative probe delay', pod('  containers:\n  - name: c\n    image: busybox\n    livenessProbe:\n      exec: { command: [/bin/true] }\n      initialDelaySeconds: -1\n'), 'pod.yaml:11: spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0'],
  ['hook without a handler', pod('  containers:\n  - name: c\n    image: busybox\n    lifecycle:\n      preStop: {}\n'), 'pod.yaml:10: spec.containers[0].lifecycle.preStop: Required value: must specify a handler type'],
  ['liveness probe on a plain init container', pod(`  initContainers:\n  - name: i\n    image: busybox\n    livenessProbe: { exec: { command: [/bin/true] } }\n${ok}`), `pod.yaml:9: spec.initContainers[0].livenessProbe: ${initForbidden}`],
  ['readiness probe on a plain init container', pod(`  initContainers:\n  - name: i\n    image: busybox\n    readinessProbe: { exec: { command: [/bin/true] } }\n${ok}`), `pod.yaml:9: spec.initContainers[0].readinessProbe: ${initForbidden}`],
  ['startup probe on a plain init container', pod(`  initContainers:\n  - name: i\n    image: busybox\n    startupProbe: { exec: { command: [/bin/true] } }\n${ok}`), `pod.yaml:9: spec.initContainers[0].startupProbe: ${initForbidden}`],
  ['lifecycle on a plain init container', pod(`  initContainers:\n  - name: i\n    image: busybox\n    lifecycle: { postStart: { exec: { command: [/bin/true] } } }\n${ok}`), `pod.yaml:9: spec.initContainers[0].lifecycle: ${initForbidden}`],
  ['a sidecar probe is checked like any other', pod(`  initContainers:\n  - name: s\n    image: busybox\n    restartPolicy: Always\n    livenessProbe:\n      exec: { command: [/bin/true] }\n      successThreshold: 2\n${ok}`), 'pod.yaml:12: spec.initContainers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
  // --- pod fields
  ['negative grace period', pod(`  terminationGracePeriodSeconds: -1\n${ok}`), 'pod.yaml:6: spec.terminationGracePeriodSeconds: Invalid value: -1: must be greater than or equal to 0'],
  ['unknown dnsPolicy', pod(`  dnsPolicy: Cluster\n${ok}`), 'pod.yaml:6: spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
  ['zero active deadline', pod(`  activeDeadlineSeconds: 0\n${ok}`), 'pod.yaml:6: spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'],
  ['duplicate volume names', pod(`  volumes: [{ name: v, emptyDir: {} }, { name: v, emptyDir: {} }]\n${ok}`), 'pod.yaml:6: spec.volumes[1].name: Duplicate value: "v"'],
  ['priority that contradicts its class', pod(`  priorityClassName: system-node-critical\n  priority: 5\n${ok}`), 'pod.yaml:7: spec.priority: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 2000001000 from the given PriorityClass name'],
];

describe('manifests the API server rejects', () => {
  it.each(cases)('%s', (_name, manifest, expected) => {
    expect(errorLine(manifest)).toBe(expected);
  });

  it('names the file given', () => {
    expect(errorLine(pod('  containers: []\n'), 'deploy/web.yaml')).toBe('deploy/web.yaml:6: spec.containers: Required value');
  });

  it('reports the first bad document of a multi-document file', () => {
    const good = pod(ok);
    expect(errorLine(`${good}---\n${pod('  containers:\n  - name: c\n')}`)).toBe('pod.yaml:16: spec.containers[0].image: Required value');
  });
});
