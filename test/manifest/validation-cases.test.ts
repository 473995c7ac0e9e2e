/**
 * Kubernetes' Pod validation cases as data: `pkg/apis/core/validation/validation_test.go` (kubernetes/kubernetes,
 * the newest stored copy, commit 000f2605), each put in a Pod manifest and loaded as `podj apply` loads it
 * (decode, defaults, admission, validation). Upstream asserts each error's type and field and that its detail
 * contains a phrase; so do these, on the one line podjournal prints (the API server's `field.Error` form).
 *
 * Not carried, by group:
 * - `TestValidateEnv`'s strict names (`ev!1`, `!"#$%&'()`, …) and `TestValidateContainers`' "invalid env var
 *   name": gate `RelaxedEnvironmentVariableValidation` is GA before v1.36, so a v1.36 API server accepts them
 *   (`TestRelaxedValidateEnv`, carried, is what it applies).
 * - Cases whose field the API server defaults before validating (`protocol required`, `missing APIVersion on
 *   ObjectFieldSelector`, `invalid lifecycle, no http path`/`no http scheme`): upstream calls the validator on an
 *   undefaulted internal object; a manifest gets `TCP`, `v1`, `/`, `HTTP` first.
 * - `TestValidateContainers`' "Forbidden RestartPolicy" and `TestValidateInitContainers`' "Not supported
 *   RestartPolicy: OnFailure/Never": written with the `ContainerRestartRules` option off; it is on in v1.36
 *   (`test/manifest/restart-rules.test.ts` holds what v1.36 answers).
 * - "privilege disabled": the test server's `capabilities.AllowPrivileged: false`; clusters allow it.
 */
import { describe, expect, test } from 'vitest';
import { firstPod } from './load-helpers.js';
import { expectRefused, podManifest as manifest, withContainer, type ErrorCase } from './upstream-cases.js';

// validation_test.go :: TestValidatePorts (validateContainerPorts), in one container of a Pod.
describe('validation_test.go :: TestValidatePorts', () => {
  test('successCase and nonCanonicalCase', () => {
    const ports = [
      { name: 'abc', containerPort: 80, hostPort: 80, protocol: 'TCP' },
      { name: 'easy', containerPort: 82, protocol: 'TCP' },
      { name: 'as', containerPort: 83, protocol: 'UDP' },
      { name: 'do-re-me', containerPort: 84, protocol: 'SCTP' },
      { containerPort: 85, protocol: 'TCP' },
    ];
    expect(firstPod(manifest(withContainer({ ports }))).spec.containers[0]?.ports).toHaveLength(5);
    expect(firstPod(manifest(withContainer({ ports: [{ containerPort: 80, protocol: 'TCP' }] }))).spec.containers[0]?.ports).toHaveLength(1);
  });
  const at = 'spec.containers[0].ports';
  test.each<ErrorCase>([
    { name: 'name > 15 characters', spec: withContainer({ ports: [{ name: 'a'.repeat(16), containerPort: 80, protocol: 'TCP' }] }), type: 'Invalid', field: `${at}[0].name`, detail: '15' },
    { name: 'name contains invalid characters', spec: withContainer({ ports: [{ name: 'a.b.c', containerPort: 80, protocol: 'TCP' }] }), type: 'Invalid', field: `${at}[0].name`, detail: 'alpha-numeric' },
    { name: 'name is a number', spec: withContainer({ ports: [{ name: '80', containerPort: 80, protocol: 'TCP' }] }), type: 'Invalid', field: `${at}[0].name`, detail: 'at least one letter' },
    {
      name: 'name not unique',
      spec: withContainer({ ports: [{ name: 'abc', containerPort: 80, protocol: 'TCP' }, { name: 'abc', containerPort: 81, protocol: 'TCP' }] }),
      type: 'Duplicate',
      field: `${at}[1].name`,
    },
    { name: 'zero container port', spec: withContainer({ ports: [{ containerPort: 0, protocol: 'TCP' }] }), type: 'Required', field: `${at}[0].containerPort` },
    { name: 'invalid container port', spec: withContainer({ ports: [{ containerPort: 65536, protocol: 'TCP' }] }), type: 'Invalid', field: `${at}[0].containerPort`, detail: 'between' },
    { name: 'invalid host port', spec: withContainer({ ports: [{ containerPort: 80, hostPort: 65536, protocol: 'TCP' }] }), type: 'Invalid', field: `${at}[0].hostPort`, detail: 'between' },
    { name: 'invalid protocol case', spec: withContainer({ ports: [{ containerPort: 80, protocol: 'tcp' }] }), type: 'NotSupported', field: `${at}[0].protocol`, detail: 'supported values: "SCTP", "TCP", "UDP"' },
    { name: 'invalid protocol', spec: withContainer({ ports: [{ containerPort: 80, protocol: 'ICMP' }] }), type: 'NotSupported', field: `${at}[0].protocol`, detail: 'supported values: "SCTP", "TCP", "UDP"' },
  ])('$name', expectRefused);
});

// validation_test.go :: TestRelaxedValidateEnv (ValidateEnv with AllowRelaxedEnvironmentVariableValidation, as v1.36 creates pods).
describe('validation_test.go :: TestRelaxedValidateEnv', () => {
  const fieldRef = (fieldPath: string) => ({ fieldRef: { apiVersion: 'v1', fieldPath } });
  test('successCase', () => {
    const env = [
      { name: '!"#$%&\'()', value: 'value' },
      { name: '* +,-./0123456789', value: 'value' },
      { name: ':;<>?@', value: 'value' },
      { name: 'ABCDEFG', value: 'value' },
      { name: 'abcdefghijklmn', value: 'value' },
      { name: '[\\]^_`{}|~', value: 'value' },
      ...["metadata.annotations['key']", "metadata.labels['key']", 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.podIP', 'status.podIPs'].map(
        (path) => ({ name: 'abc', valueFrom: fieldRef(path) }),
      ),
      { name: 'abcdefghijklmn', valueFrom: { secretKeyRef: { name: 'some-secret', key: 'secret-key' } } },
      { name: '!"#$%&\'()', valueFrom: { configMapKeyRef: { name: 'some-config-map', key: 'some-key' } } },
    ];
    expect(firstPod(manifest(withContainer({ env }))).spec.containers[0]?.env).toHaveLength(env.length);
  });
  const env = (e: Record<string, unknown>) => withContainer({ env: [e] });
  const at = 'spec.containers[0].env[0]';
  const supported = 'supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"';
  test.each<ErrorCase>([
    { name: 'illegal character', spec: env({ name: '=abc' }), type: 'Invalid', field: `${at}.name`, detail: `"=abc": a valid environment variable name must consist only of printable ASCII characters other than '='` },
    { name: 'zero-length name', spec: env({ name: '' }), type: 'Required', field: `${at}.name` },
    { name: 'value and valueFrom specified', spec: env({ name: 'abc', value: 'foo', valueFrom: fieldRef('metadata.name') }), type: 'Invalid', field: `${at}.valueFrom`, detail: '"": may not be specified when `value` is not empty' },
    {
      name: 'valueFrom without a source',
      spec: env({ name: 'abc', valueFrom: {} }),
      type: 'Invalid',
      field: `${at}.valueFrom`,
      detail: '"": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
    },
    {
      name: 'valueFrom.fieldRef and valueFrom.secretKeyRef specified',
      spec: env({ name: 'abc', valueFrom: { ...fieldRef('metadata.name'), secretKeyRef: { name: 'a-secret', key: 'a-key' } } }),
      type: 'Invalid',
      field: `${at}.valueFrom`,
      detail: '"": may not have more than one field specified at a time',
    },
    {
      name: 'valueFrom.fieldRef and valueFrom.configMapKeyRef set',
      spec: env({ name: 'some_var_name', valueFrom: { ...fieldRef('metadata.name'), configMapKeyRef: { name: 'some-config-map', key: 'some-key' } } }),
      type: 'Invalid',
      field: `${at}.valueFrom`,
      detail: '"": may not have more than one field specified at a time',
    },
    {
      name: 'valueFrom.fieldRef, valueFrom.secretKeyRef and valueFrom.configMapKeyRef specified',
      spec: env({ name: 'abc', valueFrom: { ...fieldRef('metadata.name'), secretKeyRef: { name: 'a-secret', key: 'a-key' }, configMapKeyRef: { name: 'some-config-map', key: 'some-key' } } }),
      type: 'Invalid',
      field: `${at}.valueFrom`,
      detail: '"": may not have more than one field specified at a time',
    },
    { name: 'valueFrom.secretKeyRef.name invalid', spec: env({ name: 'abc', valueFrom: { secretKeyRef: { name: '$%^&*#', key: 'a-key' } } }), type: 'Invalid', field: `${at}.valueFrom.secretKeyRef.name` },
    { name: 'valueFrom.configMapKeyRef.name invalid', spec: env({ name: 'abc', valueFrom: { configMapKeyRef: { name: '$%^&*#', key: 'some-key' } } }), type: 'Invalid', field: `${at}.valueFrom.configMapKeyRef.name` },
    { name: 'missing FieldPath on ObjectFieldSelector', spec: env({ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1' } } }), type: 'Required', field: `${at}.valueFrom.fieldRef.fieldPath` },
    { name: 'invalid fieldPath', spec: env({ name: 'abc', valueFrom: fieldRef('metadata.whoops') }), type: 'Invalid', field: `${at}.valueFrom.fieldRef.fieldPath`, detail: '"metadata.whoops": error converting fieldPath' },
    {
      name: 'metadata.name with subscript',
      spec: env({ name: 'labels', valueFrom: fieldRef("metadata.name['key']") }),
      type: 'Invalid',
      field: `${at}.valueFrom.fieldRef.fieldPath`,
      detail: `"metadata.name['key']": error converting fieldPath: field label does not support subscript`,
    },
    { name: 'metadata.labels without subscript', spec: env({ name: 'labels', valueFrom: fieldRef('metadata.labels') }), type: 'NotSupported', field: `${at}.valueFrom.fieldRef.fieldPath`, detail: `"metadata.labels": ${supported}` },
    { name: 'metadata.annotations without subscript', spec: env({ name: 'abc', valueFrom: fieldRef('metadata.annotations') }), type: 'NotSupported', field: `${at}.valueFrom.fieldRef.fieldPath`, detail: `"metadata.annotations": ${supported}` },
    { name: 'metadata.annotations with invalid key', spec: env({ name: 'abc', valueFrom: fieldRef("metadata.annotations['invalid~key']") }), type: 'Invalid', field: `${at}.valueFrom.fieldRef`, detail: '"invalid~key"' },
    { name: 'metadata.labels with invalid key', spec: env({ name: 'abc', valueFrom: fieldRef("metadata.labels['Www.k8s.io/test']") }), type: 'Invalid', field: `${at}.valueFrom.fieldRef`, detail: '"Www.k8s.io/test"' },
    { name: 'unsupported fieldPath', spec: env({ name: 'abc', valueFrom: fieldRef('status.phase') }), type: 'NotSupported', field: `${at}.valueFrom.fieldRef.fieldPath`, detail: `"status.phase": ${supported}` },
  ])('$name', expectRefused);
});

// validation_test.go :: TestValidateContainers (validateContainers), the error cases about what podjournal checks.
describe('validation_test.go :: TestValidateContainers', () => {
  const one = (fields: Record<string, unknown>) => ({ containers: [{ name: 'abc', image: 'image', ...fields }] });
  const tcp80 = { tcpSocket: { port: 80 } };
  const negatives = { initialDelaySeconds: -1, timeoutSeconds: -1, periodSeconds: -1, successThreshold: -1, failureThreshold: -1, terminationGracePeriodSeconds: -1 };
  const at = 'spec.containers[0]';
  test.each<ErrorCase>([
    { name: 'zero-length name', spec: { containers: [{ name: '', image: 'image' }] }, type: 'Required', field: `${at}.name` },
    { name: 'zero-length-image', spec: { containers: [{ name: 'abc', image: '' }] }, type: 'Required', field: `${at}.image` },
    { name: 'name > 63 characters', spec: { containers: [{ name: 'a'.repeat(64), image: 'image' }] }, type: 'Invalid', field: `${at}.name` },
    { name: 'name not a DNS label', spec: { containers: [{ name: 'a.b.c', image: 'image' }] }, type: 'Invalid', field: `${at}.name` },
    { name: 'name not unique', spec: { containers: [{ name: 'abc', image: 'image' }, { name: 'abc', image: 'image' }] }, type: 'Duplicate', field: 'spec.containers[1].name' },
    {
      name: 'host port not unique',
      spec: {
        containers: [
          { name: 'abc', image: 'image', ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }] },
          { name: 'def', image: 'image', ports: [{ containerPort: 81, hostPort: 80, protocol: 'TCP' }] },
        ],
      },
      type: 'Duplicate',
      field: 'spec.containers[1].ports[0].hostPort',
      detail: '"TCP//80"',
    },
    { name: 'unknown volume name', spec: one({ volumeMounts: [{ name: 'anything', mountPath: '/foo' }] }), type: 'NotFound', field: `${at}.volumeMounts[0].name` },
    { name: 'invalid lifecycle, no exec command.', spec: one({ lifecycle: { preStop: { exec: {} } } }), type: 'Required', field: `${at}.lifecycle.preStop.exec.command` },
    { name: 'invalid lifecycle, no http port.', spec: one({ lifecycle: { preStop: { httpGet: { path: '/', scheme: 'HTTP' } } } }), type: 'Invalid', field: `${at}.lifecycle.preStop.httpGet.port` },
    { name: 'invalid lifecycle, no tcp socket port.', spec: one({ lifecycle: { preStop: { tcpSocket: {} } } }), type: 'Invalid', field: `${at}.lifecycle.preStop.tcpSocket.port` },
    { name: 'invalid lifecycle, zero tcp socket port.', spec: one({ lifecycle: { preStop: { tcpSocket: { port: 0 } } } }), type: 'Invalid', field: `${at}.lifecycle.preStop.tcpSocket.port` },
    { name: 'invalid lifecycle, no action.', spec: one({ lifecycle: { preStop: {} } }), type: 'Required', field: `${at}.lifecycle.preStop` },
    {
      name: 'invalid readiness probe, terminationGracePeriodSeconds set.',
      spec: one({ readinessProbe: { ...tcp80, terminationGracePeriodSeconds: 10 } }),
      type: 'Invalid',
      field: `${at}.readinessProbe.terminationGracePeriodSeconds`,
    },
    { name: 'invalid liveness probe, no tcp socket port.', spec: one({ livenessProbe: { tcpSocket: {}, successThreshold: 1 } }), type: 'Invalid', field: `${at}.livenessProbe.tcpSocket.port` },
    { name: 'invalid liveness probe, no action.', spec: one({ livenessProbe: { successThreshold: 1 } }), type: 'Required', field: `${at}.livenessProbe` },
    { name: 'invalid liveness probe, successThreshold != 1', spec: one({ livenessProbe: { ...tcp80, successThreshold: 2 } }), type: 'Invalid', field: `${at}.livenessProbe.successThreshold` },
    { name: 'invalid startup probe, successThreshold != 1', spec: one({ startupProbe: { ...tcp80, successThreshold: 2 } }), type: 'Invalid', field: `${at}.startupProbe.successThreshold` },
    // Upstream lists every error of the negative numbers; the first is what a manifest's one line shows.
    { name: 'invalid liveness probe, negative numbers', spec: one({ livenessProbe: { ...tcp80, ...negatives } }), type: 'Invalid', field: `${at}.livenessProbe.initialDelaySeconds` },
    { name: 'invalid readiness probe, negative numbers', spec: one({ readinessProbe: { ...tcp80, ...negatives } }), type: 'Invalid', field: `${at}.readinessProbe.initialDelaySeconds` },
    { name: 'invalid startup probe, negative numbers', spec: one({ startupProbe: { ...tcp80, ...negatives } }), type: 'Invalid', field: `${at}.startupProbe.initialDelaySeconds` },
    { name: 'invalid message termination policy', spec: one({ terminationMessagePolicy: 'Unknown' }), type: 'NotSupported', field: `${at}.terminationMessagePolicy` },
    { name: 'invalid compute resource', spec: one({ resources: { limits: { disk: '10G' } } }), type: 'Invalid', field: `${at}.resources.limits[disk]` },
    { name: 'Resource CPU invalid', spec: one({ resources: { limits: { cpu: '-10', memory: '0' } } }), type: 'Invalid', field: `${at}.resources.limits[cpu]` },
    { name: 'Resource Requests CPU invalid', spec: one({ resources: { requests: { cpu: '-10', memory: '0' } } }), type: 'Invalid', field: `${at}.resources.requests[cpu]` },
    { name: 'Resource Memory invalid', spec: one({ resources: { limits: { cpu: '0', memory: '-10' } } }), type: 'Invalid', field: `${at}.resources.limits[memory]` },
    { name: 'Request limit simple invalid', spec: one({ resources: { limits: { cpu: '5', memory: '3' }, requests: { cpu: '6', memory: '3' } } }), type: 'Invalid', field: `${at}.resources.requests` },
    { name: 'Invalid storage limit request', spec: one({ resources: { limits: { 'attachable-volumes-aws-ebs': '10' } } }), type: 'Invalid', field: `${at}.resources.limits[attachable-volumes-aws-ebs]` },
    { name: 'Memory request limit multiple invalid', spec: one({ resources: { limits: { cpu: '5', memory: '3' }, requests: { cpu: '5', memory: '4' } } }), type: 'Invalid', field: `${at}.resources.requests` },
  ])('$name', expectRefused);

  test('empty message termination policy: defaulted to File before validation, so accepted', () => {
    expect(firstPod(manifest(one({ terminationMessagePolicy: '' }))).spec.containers[0]?.terminationMessagePolicy).toBe('File');
  });
});

// validation_test.go :: TestValidateInitContainers (validateInitContainers).
describe('validation_test.go :: TestValidateInitContainers', () => {
  const app = { name: 'app', image: 'nginx' };
  const inits = (...initContainers: Array<Record<string, unknown>>) => ({ containers: [app], initContainers, restartPolicy: 'Never' });
  const tcp80 = { tcpSocket: { port: 80 } };
  test('successCase', () => {
    const pod = firstPod(
      manifest(
        inits(
          { name: 'container-1-same-host-port-different-protocol', image: 'image', ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }] },
          { name: 'container-2-same-host-port-different-protocol', image: 'image', ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }] },
          {
            name: 'container-3-restart-always-with-lifecycle-hook-and-probes',
            image: 'image',
            restartPolicy: 'Always',
            lifecycle: { postStart: { exec: { command: ['echo', 'post start'] } }, preStop: { exec: { command: ['echo', 'pre stop'] } } },
            livenessProbe: { ...tcp80, successThreshold: 1 },
            readinessProbe: tcp80,
            startupProbe: { ...tcp80, successThreshold: 1 },
          },
        ),
      ),
    );
    expect(pod.spec.initContainers).toHaveLength(3);
  });
  const at = 'spec.initContainers[0]';
  const debug = (fields: Record<string, unknown>) => inits({ name: 'debug', image: 'image', ...fields });
  test.each<ErrorCase>([
    { name: 'empty name', spec: inits({ name: '', image: 'image' }), type: 'Required', field: `${at}.name` },
    { name: 'name collision with regular container', spec: inits({ name: 'app', image: 'image' }), type: 'Duplicate', field: `${at}.name`, detail: '"app"' },
    { name: 'invalid termination message policy', spec: inits({ name: 'init', image: 'image', terminationMessagePolicy: 'Unknown' }), type: 'NotSupported', field: `${at}.terminationMessagePolicy`, detail: '"Unknown"' },
    { name: 'duplicate names', spec: inits({ name: 'init', image: 'image' }, { name: 'init', image: 'image' }), type: 'Duplicate', field: 'spec.initContainers[1].name', detail: '"init"' },
    {
      name: 'duplicate ports',
      spec: inits({ name: 'abc', image: 'image', ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }, { containerPort: 8080, hostPort: 8080, protocol: 'TCP' }] }),
      type: 'Duplicate',
      field: `${at}.ports[1].hostPort`,
      detail: '"TCP//8080"',
    },
    { name: 'uses disallowed field: Lifecycle', spec: debug({ lifecycle: { preStop: { exec: { command: ['ls', '-l'] } } } }), type: 'Forbidden', field: `${at}.lifecycle` },
    { name: 'uses disallowed field: LivenessProbe', spec: debug({ livenessProbe: { ...tcp80, successThreshold: 1 } }), type: 'Forbidden', field: `${at}.livenessProbe` },
    { name: 'uses disallowed field: ReadinessProbe', spec: debug({ readinessProbe: tcp80 }), type: 'Forbidden', field: `${at}.readinessProbe` },
    { name: 'Container uses disallowed field: StartupProbe', spec: debug({ startupProbe: { ...tcp80, successThreshold: 1 } }), type: 'Forbidden', field: `${at}.startupProbe` },
    {
      name: 'Disallowed field with other errors should only return a single Forbidden',
      spec: debug({ startupProbe: { ...tcp80, initialDelaySeconds: -1, timeoutSeconds: -1, periodSeconds: -1, successThreshold: -1, failureThreshold: -1, terminationGracePeriodSeconds: -1 } }),
      type: 'Forbidden',
      field: `${at}.startupProbe`,
    },
    { name: 'Not supported RestartPolicy: invalid', spec: inits({ name: 'init', image: 'image', restartPolicy: 'invalid' }), type: 'NotSupported', field: `${at}.restartPolicy` },
    { name: 'Not supported RestartPolicy: empty', spec: inits({ name: 'init', image: 'image', restartPolicy: '' }), type: 'NotSupported', field: `${at}.restartPolicy` },
  ])('$name', expectRefused);
});
