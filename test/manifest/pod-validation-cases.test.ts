/**
 * Kubernetes' Pod-wide validation cases as data: `pkg/apis/core/validation/validation_test.go`
 * (kubernetes/kubernetes at commit 000f26050b9be6fb3d79fae95e06b47fc96128cd, with `validation.go` at the same commit):
 * `TestValidatePodSpec`, `TestValidatePod`, `TestValidatePodCreateWithSchedulingGates`, `TestValidatePodDNSConfig`,
 * `TestValidateDNSPolicy`, `TestValidateRestartPolicy`, `TestValidatePodReadinessGates`, `TestValidateEnvFrom` /
 * `TestRelaxedValidateEnvFrom`, `TestValidateVolumeMounts`, `TestValidateSubpathMutuallyExclusive`,
 * `TestValidateMountPropagation`, `TestValidateResizePolicy` (with the resize cases of `TestValidateContainers` and
 * `TestValidateInitContainers`) and `TestValidateHostUsers`, each put in a Pod manifest and loaded as `podj apply` loads it. Upstream mostly
 * asserts only that an error occurs; the field and type each case asserts here are those `validation.go` gives it,
 * the first of the list, as the one line podjournal prints.
 *
 * The tolerations are `TestValidatePod`'s cases (`ValidateTolerations` through `ValidatePodCreate`), with gate
 * `TaintTolerationComparisonOperators` off as in v1.36: only `Equal` and `Exists`.
 *
 * Not carried, by group:
 * - Fields podjournal keeps as written and never reads: `securityContext` (run-as IDs, fsGroup and its change policy,
 *   hostPID with shareProcessNamespace, seccomp and AppArmor fields and annotations, sysctls), `affinity` (node and
 *   pod (anti-)affinity terms: the scheduler here reads `nodeSelector`), `hostAliases`, `topologySpreadConstraints`,
 *   ClusterTrustBundle projections.
 * - `TestValidatePod`'s "bad namespace" (an empty `metadata.namespace`): the namespace comes from the request,
 *   podj's `-n` or `default`, as kubectl sends it.
 * - `TestValidateEnvFrom`'s strict prefixes ("invalid name a" … "d"): gate `RelaxedEnvironmentVariableValidation` is GA
 *   before v1.36, so a v1.36 API server applies `TestRelaxedValidateEnvFrom`'s rule (carried).
 * - `TestValidatePodSpec`'s "with hostNetwork hostPort unspecified" and `TestValidatePod`'s "serviceaccount token
 *   projected volume with no serviceaccount name specified" are refusals of undefaulted, unadmitted objects: a
 *   manifest gets `hostPort` = `containerPort` (`defaultHostNetworkPorts`) and `serviceAccountName: default` (the
 *   ServiceAccount plugin) first, so both load (asserted below).
 */
import { describe, expect, test } from 'vitest';
import { firstPod } from './load-helpers.js';
import { expectRefused, podManifest, withContainer, type ErrorCase } from './upstream-cases.js';

const loads = (spec: Record<string, unknown>, metadata?: Record<string, unknown>) => firstPod(podManifest(spec, metadata));
const ctr = { name: 'ctr', image: 'image' };
const basic = { containers: [ctr] };

// validation_test.go :: TestValidatePodSpec (podtest.MakePod: one container "ctr", restartPolicy Always, dnsPolicy ClusterFirst).
describe('validation_test.go :: TestValidatePodSpec', () => {
  test.each<[string, Record<string, unknown>]>([
    ['populate basic fields, leave defaults for most', basic],
    [
      'populate all fields',
      {
        ...basic,
        initContainers: [{ name: 'ictr', image: 'image' }],
        volumes: [{ name: 'vol', emptyDir: {} }],
        nodeSelector: { key: 'value' },
        nodeName: 'foobar',
        activeDeadlineSeconds: 2147483647,
        serviceAccountName: 'acct',
      },
    ],
    ['populate HostNetwork', { containers: [{ ...ctr, ports: [{ hostPort: 8080, containerPort: 8080, protocol: 'TCP' }] }], hostNetwork: true }],
    ['populate HostAliases', { ...basic, hostAliases: [{ ip: '12.34.56.78', hostnames: ['host1', 'host2'] }] }],
    ['populate HostAliases with HostNetwork', { ...basic, hostNetwork: true, hostAliases: [{ ip: '12.34.56.78', hostnames: ['host1.foo', 'host2.bar'] }] }],
    ['populate PriorityClassName', { ...basic, priorityClassName: 'valid-name' }],
    ['populate RuntimeClassName', { ...basic, runtimeClassName: 'valid-sandbox' }],
    ['populate Overhead', { ...basic, overhead: {} }],
    ['resources resize policy for containers', { containers: [{ ...ctr, resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }] }],
  ])('%s: accepted', (_name, spec) => {
    expect(loads(spec).spec.containers).toHaveLength(1);
  });

  test('with hostNetwork hostPort unspecified: defaulted to the container port, then accepted', () => {
    const pod = loads({ containers: [{ ...ctr, ports: [{ containerPort: 2600, protocol: 'TCP' }] }], hostNetwork: true });
    expect(pod.spec.containers[0]?.ports?.[0]?.hostPort).toBe(2600);
  });

  test.each<ErrorCase>([
    { name: 'bad volume', spec: { ...basic, volumes: [{}] }, type: 'Required', field: 'spec.volumes[0].name' },
    { name: 'no containers', spec: { containers: [] }, type: 'Required', field: 'spec.containers' },
    { name: 'bad container', spec: { containers: [{}] }, type: 'Required', field: 'spec.containers[0].name' },
    { name: 'bad init container', spec: { ...basic, initContainers: [{}] }, type: 'Required', field: 'spec.initContainers[0].name' },
    { name: 'bad DNS policy', spec: { ...basic, dnsPolicy: 'invalid' }, type: 'NotSupported', field: 'spec.dnsPolicy' },
    { name: 'bad service account name', spec: { ...basic, serviceAccountName: 'invalidName' }, type: 'Invalid', field: 'spec.serviceAccountName', detail: 'RFC 1123 subdomain' },
    { name: 'bad restart policy', spec: { ...basic, restartPolicy: 'UnknowPolicy' }, type: 'NotSupported', field: 'spec.restartPolicy' },
    {
      name: 'with hostNetwork hostPort not equal to containerPort',
      spec: { containers: [{ ...ctr, ports: [{ hostPort: 8080, containerPort: 2600, protocol: 'TCP' }] }], hostNetwork: true },
      type: 'Invalid',
      field: 'spec.containers[0].ports[0].hostPort',
      detail: 'Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
    },
    { name: 'bad-active-deadline-seconds', spec: { ...basic, activeDeadlineSeconds: 0 }, type: 'Invalid', field: 'spec.activeDeadlineSeconds' },
    { name: 'active-deadline-seconds-too-large', spec: { ...basic, activeDeadlineSeconds: 2147483648 }, type: 'Invalid', field: 'spec.activeDeadlineSeconds', detail: 'must be between 1 and 2147483647, inclusive' },
    { name: 'bad nodeName', spec: { ...basic, nodeName: 'node name' }, type: 'Invalid', field: 'spec.nodeName', detail: '"node name"' },
    { name: 'bad PriorityClassName', spec: { ...basic, priorityClassName: 'InvalidName' }, type: 'Invalid', field: 'spec.priorityClassName' },
    { name: 'bad RuntimeClassName', spec: { ...basic, runtimeClassName: 'invalid/sandbox' }, type: 'Invalid', field: 'spec.runtimeClassName' },
  ])('$name', expectRefused);
});

// validation_test.go :: TestValidatePod (ValidatePodCreate), the cases about fields podjournal reads.
describe('validation_test.go :: TestValidatePod', () => {
  const tolerated = (...tolerations: Array<Record<string, unknown>>) => ({ ...basic, tolerations });
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['basic fields', basic, { name: '123' }],
    [
      'just about everything',
      { ...basic, initContainers: [{ name: 'ictr', image: 'image' }], volumes: [{ name: 'vol', emptyDir: {} }], nodeSelector: { key: 'value' }, nodeName: 'foobar', serviceAccountName: 'acct' },
      { name: 'abc.123.do-re-mi' },
    ],
    ['populate forgiveness tolerations with exists operator', tolerated({ key: 'foo', operator: 'Exists', value: '', effect: 'NoExecute', tolerationSeconds: 60 }), { name: '123' }],
    ['populate forgiveness tolerations with equal operator', tolerated({ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoExecute', tolerationSeconds: 60 }), { name: '123' }],
    ['populate tolerations equal operator', tolerated({ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }), { name: '123' }],
    ['empty key with Exists operator is OK for toleration', tolerated({ operator: 'Exists', effect: 'NoSchedule' }), { name: '123' }],
    ['empty operator is OK for toleration, defaults to Equal', tolerated({ key: 'foo', value: 'bar', effect: 'NoSchedule' }), { name: '123' }],
    ['empty effect is OK for toleration', tolerated({ key: 'foo', operator: 'Equal', value: 'bar' }), { name: '123' }],
    ['negative tolerationSeconds is OK for toleration', tolerated({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: -2 }), { name: '123' }],
    ['negative pod-deletion-cost', basic, { name: '123', annotations: { 'controller.kubernetes.io/pod-deletion-cost': '-100' } }],
    ['positive pod-deletion-cost', basic, { name: '123', annotations: { 'controller.kubernetes.io/pod-deletion-cost': '100' } }],
    [
      'ephemeral volume + PVC, no conflict between them',
      { ...basic, volumes: [{ name: 'pvc', persistentVolumeClaim: { claimName: 'my-pvc' } }, { name: 'ephemeral', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } } } } }] },
      { name: 'valid-extended' },
    ],
    ['valid extended resources for init container', { ...basic, initContainers: [{ name: 'valid-extended', image: 'image', resources: { limits: { 'example.com/a': '10' }, requests: { 'example.com/a': '10' } } }] }, { name: 'valid-extended' }],
    ['valid extended resources for regular container', { containers: [{ name: 'valid-extended', image: 'image', resources: { limits: { 'example.com/a': '10' }, requests: { 'example.com/a': '10' } } }] }, { name: 'valid-extended' }],
  ])('%s: accepted', (_name, spec, metadata) => {
    expect(loads(spec, metadata).metadata.name).toBe(metadata['name']);
  });

  test('serviceaccount token projected volume with no serviceaccount name specified: admitted with the default account, then accepted', () => {
    const token = { name: 'projected-volume', projected: { sources: [{ serviceAccountToken: { audience: 'foo-audience', expirationSeconds: 6000, path: 'foo-path' } }] } };
    expect(loads({ ...basic, volumes: [token] }, { name: '123' }).spec.serviceAccountName).toBe('default');
  });

  const longPodName = 'a'.repeat(200);
  const longVolName = 'b'.repeat(60);
  const template = { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } } } };
  const limited = (limits: Record<string, string>, requests: Record<string, string>) => ({ name: 'invalid', image: 'image', resources: { limits, requests } });
  const deletionCost = (value: string): ErrorCase => ({
    name: `invalid pod-deletion-cost ${value}`,
    spec: basic,
    metadata: { name: 'valid-extended', annotations: { 'controller.kubernetes.io/pod-deletion-cost': value } },
    type: 'Invalid',
    field: 'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]',
    detail: `Invalid value: ${JSON.stringify(value)}: must be a 32bit integer`,
  });
  test.each<ErrorCase>([
    { name: 'bad name', spec: basic, metadata: { name: '' }, type: 'Required', field: 'metadata.name' },
    { name: 'image whitespace', spec: { containers: [{ ...ctr, image: ' ' }] }, type: 'Invalid', field: 'spec.containers[0].image' },
    { name: 'image leading and trailing whitespace', spec: { containers: [{ ...ctr, image: ' something ' }] }, type: 'Invalid', field: 'spec.containers[0].image' },
    { name: 'bad spec', spec: { containers: [{}] }, type: 'Required', field: 'spec.containers[0].name' },
    { name: 'bad label', spec: basic, metadata: { name: '123', labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }, type: 'Invalid', field: 'metadata.labels', detail: 'NoUppercaseOrSpecialCharsLike=Equals' },
    { name: 'invalid toleration key', spec: tolerated({ key: 'nospecialchars^=@', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }), type: 'Invalid', field: 'spec.tolerations[0].key' },
    { name: 'invalid toleration operator', spec: tolerated({ key: 'foo', operator: 'In', value: 'bar', effect: 'NoSchedule' }), type: 'NotSupported', field: 'spec.tolerations[0].operator', detail: 'supported values: "Equal", "Exists"' },
    {
      name: "value must be empty when `operator` is 'Exists'",
      spec: tolerated({ key: 'foo', operator: 'Exists', value: 'bar', effect: 'NoSchedule' }),
      type: 'Invalid',
      field: 'spec.tolerations[0].operator',
      detail: "value must be empty when `operator` is 'Exists'",
    },
    {
      name: "operator must be 'Exists' when `key` is empty",
      spec: tolerated({ operator: 'Equal', value: 'bar', effect: 'NoSchedule' }),
      type: 'Invalid',
      field: 'spec.tolerations[0].operator',
      detail: 'operator must be Exists when `key` is empty, which means "match all values and all keys"',
    },
    {
      name: "effect must be 'NoExecute' when `TolerationSeconds` is set",
      spec: tolerated({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 20 }),
      metadata: { name: 'pod-forgiveness-invalid' },
      type: 'Invalid',
      field: 'spec.tolerations[0].effect',
      detail: "Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
    },
    // Upstream's phrase, "must be a standard resource for containers", is the second error at this field; the first is this one.
    { name: 'invalid extended resource name in container request', spec: { containers: [limited({ 'invalid-name': '2' }, { 'invalid-name': '2' })] }, type: 'Invalid', field: 'spec.containers[0].resources.limits[invalid-name]', detail: 'must be a standard resource type or fully qualified' },
    { name: 'invalid extended resource requirement: request must be == limit', spec: { containers: [limited({ 'example.com/a': '1' }, { 'example.com/a': '2' })] }, type: 'Invalid', field: 'spec.containers[0].resources.requests', detail: 'must be equal to example.com/a' },
    { name: 'invalid extended resource requirement without limit', spec: { containers: [limited({}, { 'example.com/a': '2' })] }, type: 'Required', field: 'spec.containers[0].resources.limits', detail: 'Limit must be set' },
    { name: 'invalid fractional extended resource in container request', spec: { containers: [limited({}, { 'example.com/a': '500m' })] }, type: 'Invalid', field: 'spec.containers[0].resources.requests[example.com/a]', detail: 'must be an integer' },
    { name: 'invalid fractional extended resource in init container request', spec: { ...basic, initContainers: [limited({}, { 'example.com/a': '500m' })] }, type: 'Invalid', field: 'spec.initContainers[0].resources.requests[example.com/a]', detail: 'must be an integer' },
    { name: 'invalid fractional extended resource in container limit', spec: { containers: [limited({ 'example.com/a': '2.5' }, { 'example.com/a': '5' })] }, type: 'Invalid', field: 'spec.containers[0].resources.limits[example.com/a]', detail: 'must be an integer' },
    { name: 'invalid fractional extended resource in init container limit', spec: { ...basic, initContainers: [limited({ 'example.com/a': '2.5' }, { 'example.com/a': '2.5' })] }, type: 'Invalid', field: 'spec.initContainers[0].resources.limits[example.com/a]', detail: 'must be an integer' },
    {
      name: 'mirror-pod present without nodeName',
      spec: basic,
      metadata: { name: '123', annotations: { 'kubernetes.io/config.mirror': '' } },
      type: 'Invalid',
      field: 'metadata.annotations[kubernetes.io/config.mirror]',
      detail: 'Invalid value: "": must set spec.nodeName if mirror pod annotation is set',
    },
    {
      name: 'mirror-pod populated without nodeName',
      spec: basic,
      metadata: { name: '123', annotations: { 'kubernetes.io/config.mirror': 'foo' } },
      type: 'Invalid',
      field: 'metadata.annotations[kubernetes.io/config.mirror]',
      detail: 'mirror',
    },
    {
      name: 'final PVC name for ephemeral volume must be valid',
      spec: { ...basic, volumes: [{ name: 'pvc', persistentVolumeClaim: { claimName: 'my-pvc' } }, { name: longVolName, ephemeral: template }] },
      metadata: { name: longPodName },
      type: 'Invalid',
      field: 'spec.volumes[1].name',
      detail: `Invalid value: "${longVolName}": PVC name "${longPodName}-${longVolName}": must be no more than 253 characters`,
    },
    {
      name: 'PersistentVolumeClaimVolumeSource must not reference a generated PVC',
      spec: { ...basic, volumes: [{ name: 'pvc-volume', persistentVolumeClaim: { claimName: '123-ephemeral-volume' } }, { name: 'ephemeral-volume', ephemeral: template }] },
      metadata: { name: '123' },
      type: 'Invalid',
      field: 'spec.volumes[0].persistentVolumeClaim.claimName',
      detail: 'Invalid value: "123-ephemeral-volume": must not reference a PVC that gets created for an ephemeral volume',
    },
    deletionCost('text'),
    deletionCost('008'),
    deletionCost('+10'),
  ])('$name', expectRefused);
});

// validation_test.go :: TestValidatePodCreateWithSchedulingGates.
describe('validation_test.go :: TestValidatePodCreateWithSchedulingGates (ValidatePodCreate)', () => {
  const gated = { containers: [{ name: 'con', image: 'pause' }], schedulingGates: [{ name: 'foo' }] };
  test('create a Pod with nodeName and schedulingGates', () =>
    expectRefused({ name: '', spec: { ...gated, nodeName: 'node' }, metadata: { name: 'pod' }, type: 'Forbidden', field: 'spec.nodeName', detail: 'Forbidden: cannot be set until all schedulingGates have been cleared' }));
  test('create a Pod with schedulingGates', () => {
    expect(loads(gated, { name: 'pod' }).spec.schedulingGates).toEqual([{ name: 'foo' }]);
  });
  // validation.go :: ValidatePodCreate's other rule (no validation_test.go case asserts it on create).
  test('ephemeral containers on create', () =>
    expectRefused({ name: '', spec: { ...basic, ephemeralContainers: [{ name: 'debug', image: 'busybox' }] }, type: 'Forbidden', field: 'spec.ephemeralContainers', detail: 'Forbidden: cannot be set on create' }));
  test.each<ErrorCase>([
    { name: 'a gate that is not a qualified name', spec: { ...basic, schedulingGates: [{ name: 'a/b/c' }] }, type: 'Invalid', field: 'spec.schedulingGates[0]' },
    { name: 'a gate given twice', spec: { ...basic, schedulingGates: [{ name: 'foo' }, { name: 'foo' }] }, type: 'Duplicate', field: 'spec.schedulingGates[1]' },
  ])('validateSchedulingGates: $name', expectRefused);
});

// validation_test.go :: TestValidateRestartPolicy, TestValidateDNSPolicy, TestValidatePodReadinessGates.
describe('validation_test.go :: TestValidateRestartPolicy, TestValidateDNSPolicy, TestValidatePodReadinessGates', () => {
  test.each(['Always', 'OnFailure', 'Never'])('restartPolicy %s accepted', (restartPolicy) => expect(loads({ ...basic, restartPolicy }).spec.restartPolicy).toBe(restartPolicy));
  test.each(['ClusterFirst', 'Default', 'ClusterFirstWithHostNet'])('dnsPolicy %s accepted', (dnsPolicy) => expect(loads({ ...basic, dnsPolicy }).spec.dnsPolicy).toBe(dnsPolicy));
  test('an empty restartPolicy and dnsPolicy are defaulted before validation (Go zero values)', () => {
    const { spec } = loads({ ...basic, restartPolicy: '', dnsPolicy: '' });
    expect([spec.restartPolicy, spec.dnsPolicy]).toEqual(['Always', 'ClusterFirst']);
  });
  test('readiness gates example.com/condition1 and 2 accepted', () => {
    expect(loads({ ...basic, readinessGates: [{ conditionType: 'example.com/condition1' }, { conditionType: 'example.com/condition2' }] }).spec.readinessGates).toHaveLength(2);
  });
  test.each<ErrorCase>([
    { name: 'restartPolicy newpolicy', spec: { ...basic, restartPolicy: 'newpolicy' }, type: 'NotSupported', field: 'spec.restartPolicy' },
    { name: 'dnsPolicy invalid', spec: { ...basic, dnsPolicy: 'invalid' }, type: 'NotSupported', field: 'spec.dnsPolicy', detail: 'supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"' },
    { name: 'invalid condition type', spec: { ...basic, readinessGates: [{ conditionType: 'invalid/condition/type' }] }, type: 'Invalid', field: 'spec.readinessGates[0].conditionType' },
  ])('$name', expectRefused);
});

// validation_test.go :: TestValidatePodDNSConfig (dnsPolicy ClusterFirst unless the case names one).
describe('validation_test.go :: TestValidatePodDNSConfig', () => {
  const a = (n: number) => 'a'.repeat(n);
  const thirtyTwo = ['custom', 'mydomain.com', 'local', 'cluster.local', 'svc.cluster.local', 'default.svc.cluster.local.', ...Array.from({ length: 26 }, (_, i) => String(i + 7))];
  const dns = (dnsConfig: Record<string, unknown>, dnsPolicy = 'ClusterFirst') => ({ ...basic, dnsPolicy, dnsConfig });
  test.each<[string, Record<string, unknown>]>([
    ['valid: empty DNSConfig', dns({})],
    ['valid: 1 option', dns({ options: [{ name: 'ndots', value: '2' }] })],
    ['valid: 1 nameserver', dns({ nameservers: ['127.0.0.1'] })],
    ['valid: DNSNone with 1 nameserver', dns({ nameservers: ['127.0.0.1'] }, 'None')],
    ['valid: 1 search path', dns({ searches: ['custom'] })],
    ['valid: 1 search path with trailing period', dns({ searches: ['custom.'] })],
    ['valid: 3 nameservers and 6 search paths(legacy)', dns({ nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8'], searches: thirtyTwo.slice(0, 6) })],
    ['valid: 3 nameservers and 32 search paths', dns({ nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8'], searches: thirtyTwo })],
    ['valid: 256 characters in search path list(legacy)', dns({ searches: [a(1), a(50), a(50), a(50), a(50), a(50)] })],
    ['valid: 2048 characters in search path list', dns({ searches: [a(64), ...Array.from({ length: 31 }, () => a(63))] })],
    ['valid: ipv6 nameserver', dns({ nameservers: ['FE80::0202:B3FF:FE1E:8329'] })],
    ['valid: 7 search paths', dns({ searches: ['custom', 'mydomain.com', 'local', 'cluster.local', 'svc.cluster.local', 'default.svc.cluster.local', 'exceeded'] })],
    ['valid: 257 characters in search path list', dns({ searches: [a(2), a(50), a(50), a(50), a(50), a(50)] })],
  ])('%s', (_name, spec) => {
    expect(loads(spec).spec.dnsConfig).toBeDefined();
  });
  test.each<ErrorCase>([
    { name: 'invalid: 4 nameservers', spec: dns({ nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8', '1.2.3.4'] }), type: 'Invalid', field: 'spec.dnsConfig.nameservers', detail: 'Invalid value: []string{"127.0.0.1", "10.0.0.10", "8.8.8.8", "1.2.3.4"}: must not have more than 3 nameservers' },
    { name: 'invalid: 33 search paths', spec: dns({ searches: [...thirtyTwo, '33'] }), type: 'Invalid', field: 'spec.dnsConfig.searches', detail: 'must not have more than 32 search paths' },
    { name: 'invalid: 2049 characters in search path list', spec: dns({ searches: [a(65), ...Array.from({ length: 31 }, () => a(63))] }), type: 'Invalid', field: 'spec.dnsConfig.searches', detail: 'must not have more than 2048 characters (including spaces) in the search list' },
    { name: 'invalid search path', spec: dns({ searches: ['custom?'] }), type: 'Invalid', field: 'spec.dnsConfig.searches[0]', detail: "Invalid value: \"custom?\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.'" },
    { name: 'invalid nameserver', spec: dns({ nameservers: ['invalid'] }), type: 'Invalid', field: 'spec.dnsConfig.nameservers[0]', detail: 'must be a valid IP address' },
    { name: 'invalid empty option name', spec: dns({ options: [{ value: '2' }] }), type: 'Required', field: 'spec.dnsConfig.options[0]', detail: 'must not be empty' },
    { name: 'invalid: DNSNone with 0 nameserver', spec: dns({ searches: ['custom'] }, 'None'), type: 'Required', field: 'spec.dnsConfig.nameservers', detail: 'must provide at least one DNS nameserver when `dnsPolicy` is None' },
    // validatePodDNSConfig's first rule, which the upstream table does not reach (it always passes a config).
    { name: 'DNSNone without dnsConfig', spec: { ...basic, dnsPolicy: 'None' }, type: 'Required', field: 'spec.dnsConfig', detail: 'must provide `dnsConfig` when `dnsPolicy` is None' },
  ])('$name', expectRefused);
});

// validation_test.go :: TestRelaxedValidateEnvFrom (ValidateEnvFrom as v1.36 applies it), in one container.
describe('validation_test.go :: TestValidateEnvFrom / TestRelaxedValidateEnvFrom', () => {
  const cm = (name: string) => ({ configMapRef: { name } });
  const secret = (name: string) => ({ secretRef: { name } });
  test('successCase', () => {
    const envFrom = [cm('abc'), { prefix: '!"#$%&\'()', ...cm('abc') }, { prefix: '* +,-./0123456789', ...cm('abc') }, secret('abc'), { prefix: ':;<>?@', ...secret('abc') }, { prefix: '[\\]^_`{}|~', ...secret('abc') }, { prefix: 'pre_', ...cm('abc') }, { prefix: 'a.b', ...secret('abc') }];
    expect(loads(withContainer({ envFrom })).spec.containers[0]?.envFrom).toHaveLength(envFrom.length);
  });
  const at = 'spec.containers[0].envFrom';
  const one = (e: Record<string, unknown>) => withContainer({ envFrom: [e] });
  test.each<ErrorCase>([
    { name: 'zero-length name (configMapRef)', spec: one(cm('')), type: 'Required', field: `${at}[0].configMapRef.name` },
    { name: 'invalid prefix', spec: one({ prefix: '=abc', ...cm('abc') }), type: 'Invalid', field: `${at}[0].prefix`, detail: `"=abc": a valid environment variable name must consist only of printable ASCII characters other than '='` },
    { name: 'zero-length name (secretRef)', spec: one(secret('')), type: 'Required', field: `${at}[0].secretRef.name` },
    { name: 'invalid name (configMapRef $)', spec: one(cm('$')), type: 'Invalid', field: `${at}[0].configMapRef.name` },
    { name: 'invalid name (secretRef &)', spec: one(secret('&')), type: 'Invalid', field: `${at}[0].secretRef.name` },
    { name: 'no refs', spec: one({}), type: 'Invalid', field: at, detail: 'Invalid value: "": must specify one of: `configMapRef` or `secretRef`' },
    { name: 'multiple refs', spec: one({ ...secret('abc'), ...cm('abc') }), type: 'Invalid', field: at, detail: 'Invalid value: "": may not have more than one field specified at a time' },
    { name: 'invalid secret ref name', spec: one(secret('$%^&*#')), type: 'Invalid', field: `${at}[0].secretRef.name`, detail: 'Invalid value: "$%^&*#": a lowercase RFC 1123 subdomain' },
    { name: 'invalid config ref name', spec: one(cm('$%^&*#')), type: 'Invalid', field: `${at}[0].configMapRef.name`, detail: 'Invalid value: "$%^&*#": a lowercase RFC 1123 subdomain' },
  ])('$name', expectRefused);
  test('a source name is checked as a prefix (validateConfigMapEnvSource passes prefix=true): a trailing dash is accepted', () => {
    expect(loads(withContainer({ envFrom: [cm('abc-')] })).spec.containers[0]?.envFrom).toHaveLength(1);
  });
});

// validation_test.go :: TestValidateVolumeMounts, TestValidateSubpathMutuallyExclusive, TestValidateMountPropagation.
describe('validation_test.go :: TestValidateVolumeMounts', () => {
  const volumes = [
    { name: 'abc', persistentVolumeClaim: { claimName: 'testclaim1' } },
    { name: 'abc-123', persistentVolumeClaim: { claimName: 'testclaim2' } },
    { name: '123', hostPath: { path: '/foo/baz', type: '' } },
    { name: 'ephemeral', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } } } } },
    { name: 'image-volume', image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'IfNotPresent' } },
  ];
  const mounted = (volumeMounts: Array<Record<string, unknown>>, fields: Record<string, unknown> = {}) => ({ volumes, ...withContainer({ volumeMounts, ...fields }) });
  test('successCase', () => {
    const mounts = [
      { name: 'abc', mountPath: '/foo' },
      { name: '123', mountPath: '/bar' },
      { name: 'abc-123', mountPath: '/baz' },
      { name: 'abc-123', mountPath: '/baa', subPath: '' },
      { name: 'abc-123', mountPath: '/bab', subPath: 'baz' },
      { name: 'abc-123', mountPath: 'd:', subPath: '' },
      { name: 'abc-123', mountPath: 'F:', subPath: '' },
      { name: 'abc-123', mountPath: 'G:\\mount', subPath: '' },
      { name: 'abc-123', mountPath: '/bac', subPath: '.baz' },
      { name: 'abc-123', mountPath: '/bad', subPath: '..baz' },
      { name: 'ephemeral', mountPath: '/foobar' },
      { name: '123', mountPath: '/rro-nil', readOnly: true },
      { name: '123', mountPath: '/rro-disabled', readOnly: true, recursiveReadOnly: 'Disabled' },
      { name: '123', mountPath: '/rro-disabled-2', readOnly: false, recursiveReadOnly: 'Disabled' },
      { name: '123', mountPath: '/rro-ifpossible', readOnly: true, recursiveReadOnly: 'IfPossible' },
      { name: '123', mountPath: '/rro-enabled', readOnly: true, recursiveReadOnly: 'Enabled' },
      { name: '123', mountPath: '/rro-enabled-2', readOnly: true, recursiveReadOnly: 'Enabled', mountPropagation: 'None' },
      { name: 'image-volume', mountPath: '/image-volume' },
      { name: 'abc-123', mountPath: '/bae', subPathExpr: '$(POD_NAME)' },
    ];
    const devices = [{ name: 'xyz', devicePath: '/foofoo' }, { name: 'uvw', devicePath: '/foofoo/share/test' }];
    // Upstream's devices name no volume of the pod; as a pod, the mounts alone are checked here.
    expect(loads(mounted(mounts)).spec.containers[0]?.volumeMounts).toHaveLength(mounts.length + 1);
    expect(devices).toHaveLength(2);
  });
  const at = 'spec.containers[0].volumeMounts';
  const badDevice = { volumeDevices: [{ name: 'xyz', devicePath: '/mnt/exists' }] };
  const bad = (...mounts: Array<Record<string, unknown>>) => mounted(mounts, badDevice);
  test.each<ErrorCase>([
    { name: 'empty name', spec: bad({ name: '', mountPath: '/foo' }), type: 'Required', field: `${at}[0].name` },
    { name: 'empty mountpath', spec: bad({ name: 'abc', mountPath: '' }), type: 'Required', field: `${at}[0].mountPath` },
    // Upstream's two mounts name no volume, so the first error is NotFound; the collision itself is the next case.
    { name: 'mountpath collision', spec: bad({ name: 'foo', mountPath: '/path/a' }, { name: 'bar', mountPath: '/path/a' }), type: 'NotFound', field: `${at}[0].name` },
    { name: 'mountpath collision between declared volumes', spec: bad({ name: 'abc', mountPath: '/path/a' }, { name: 'abc-123', mountPath: '/path/a' }), type: 'Invalid', field: `${at}[1].mountPath`, detail: 'must be unique' },
    { name: 'absolute subpath', spec: bad({ name: 'abc', mountPath: '/bar', subPath: '/baz' }), type: 'Invalid', field: `${at}.subPath`, detail: 'Invalid value: "/baz": must be a relative path' },
    { name: 'subpath in ..', spec: bad({ name: 'abc', mountPath: '/bar', subPath: '../baz' }), type: 'Invalid', field: `${at}.subPath`, detail: "must not contain '..'" },
    { name: 'subpath contains ..', spec: bad({ name: 'abc', mountPath: '/bar', subPath: 'baz/../bat' }), type: 'Invalid', field: `${at}.subPath`, detail: "must not contain '..'" },
    { name: 'subpath ends in ..', spec: bad({ name: 'abc', mountPath: '/bar', subPath: './..' }), type: 'Invalid', field: `${at}.subPath`, detail: "must not contain '..'" },
    { name: 'disabled MountPropagation feature gate', spec: bad({ name: 'abc', mountPath: '/bar', mountPropagation: 'Bidirectional' }), type: 'Forbidden', field: `${at}.mountPropagation`, detail: 'Bidirectional mount propagation is available only to privileged containers' },
    { name: 'name exists in volumeDevice', spec: bad({ name: 'xyz', mountPath: '/bar' }), type: 'NotFound', field: `${at}[0].name` },
    { name: 'mountpath exists in volumeDevice', spec: bad({ name: 'uvw', mountPath: '/mnt/exists' }), type: 'NotFound', field: `${at}[0].name` },
    { name: 'both exist in volumeDevice', spec: bad({ name: 'xyz', mountPath: '/mnt/exists' }), type: 'NotFound', field: `${at}[0].name` },
    { name: 'mountpath exists in volumeDevice, the volume declared', spec: bad({ name: 'abc', mountPath: '/mnt/exists' }), type: 'Invalid', field: `${at}[0].mountPath`, detail: 'must not already exist as a path in volumeDevices' },
    { name: 'rro but not ro', spec: bad({ name: '123', mountPath: '/rro-bad1', readOnly: false, recursiveReadOnly: 'Enabled' }), type: 'Forbidden', field: `${at}.recursiveReadOnly`, detail: 'may only be specified when readOnly is true' },
    {
      name: 'rro with incompatible propagation',
      spec: bad({ name: '123', mountPath: '/rro-bad2', readOnly: true, recursiveReadOnly: 'Enabled', mountPropagation: 'HostToContainer' }),
      type: 'Forbidden',
      field: `${at}.recursiveReadOnly`,
      detail: 'may only be specified when mountPropagation is None or not specified',
    },
    { name: 'rro-if-possible but not ro', spec: bad({ name: '123', mountPath: '/rro-bad1', readOnly: false, recursiveReadOnly: 'IfPossible' }), type: 'Forbidden', field: `${at}.recursiveReadOnly` },
    { name: 'subPath not allowed for image volume sources', spec: bad({ name: 'image-volume', mountPath: '/image-volume-err-1', subPath: '/foo' }), type: 'Invalid', field: `${at}[0].subPath`, detail: 'not allowed in image volume sources' },
    { name: 'subPathExpr not allowed for image volume sources', spec: bad({ name: 'image-volume', mountPath: '/image-volume-err-2', subPathExpr: '$(POD_NAME)' }), type: 'Invalid', field: `${at}[0].subPathExpr`, detail: 'not allowed in image volume sources' },
    // TestValidateSubpathMutuallyExclusive.
    { name: 'subpath and subpathexpr specified', spec: mounted([{ name: 'abc-123', mountPath: '/bab', subPath: 'baz', subPathExpr: '$(POD_NAME)' }]), type: 'Invalid', field: `${at}[0].subPathExpr`, detail: 'subPathExpr and subPath are mutually exclusive' },
    // TestValidateMountPropagation: an unknown mode, on a privileged container.
    {
      name: 'privileged container + invalid mount propagation',
      spec: mounted([{ name: '123', mountPath: '/foo', mountPropagation: 'invalid' }], { securityContext: { privileged: true } }),
      type: 'NotSupported',
      field: `${at}.mountPropagation`,
      detail: 'supported values: "Bidirectional", "HostToContainer", "None"',
    },
    { name: 'explicitly non-privileged container + Bidirectional', spec: mounted([{ name: '123', mountPath: '/foo', mountPropagation: 'Bidirectional' }], { securityContext: { privileged: false } }), type: 'Forbidden', field: `${at}.mountPropagation` },
  ])('$name', expectRefused);
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['implicitly non-privileged container + HostToContainer', { mountPropagation: 'HostToContainer' }, {}],
    ['non-privileged container + None', { mountPropagation: 'None' }, {}],
    ['privileged container + Bidirectional', { mountPropagation: 'Bidirectional' }, { securityContext: { privileged: true } }],
  ])('TestValidateMountPropagation: %s accepted', (_name, mount, fields) => {
    expect(loads(mounted([{ name: '123', mountPath: '/foo', ...mount }], fields)).spec.containers).toHaveLength(1);
  });
});

// validation_test.go :: TestValidateResizePolicy (validateResizePolicy), and the resize cases of TestValidateContainers
// and TestValidateInitContainers, in one container of a pod with the case's restart policy.
describe('validation_test.go :: TestValidateResizePolicy', () => {
  const resized = (resizePolicy: Array<Record<string, unknown>>, restartPolicy = 'Always') => ({ restartPolicy, ...withContainer({ resizePolicy }) });
  const policy = (resourceName: string, restartPolicy: string) => ({ resourceName, restartPolicy });
  test.each<[string, Record<string, unknown>]>([
    ['ValidCPUandMemoryPolicies', resized([policy('cpu', 'NotRequired'), policy('memory', 'RestartContainer')])],
    ['ValidCPUPolicy', resized([policy('cpu', 'RestartContainer')])],
    ['ValidMemoryPolicy', resized([policy('memory', 'NotRequired')])],
    ['NoPolicy', resized([])],
    ['ValidMemoryCPUPolicyWithPodRestartPolicy', resized([policy('cpu', 'NotRequired'), policy('memory', 'NotRequired')], 'Never')],
  ])('%s: accepted', (_name, spec) => {
    expect(loads(spec).spec.containers).toHaveLength(1);
  });
  test('TestValidateInitContainers "Not supported ResizePolicy": with InPlacePodVerticalScaling on (AllowSidecarResizePolicy), an init container may carry one', () => {
    const spec = { ...basic, initContainers: [{ name: 'init', image: 'image', resizePolicy: [policy('cpu', 'NotRequired')] }] };
    expect(loads(spec).spec.initContainers?.[0]?.resizePolicy).toEqual([policy('cpu', 'NotRequired')]);
  });
  const at = 'spec.containers[0].resizePolicy';
  const never = "must be 'NotRequired' when `restartPolicy` is 'Never'";
  test.each<ErrorCase>([
    { name: 'ValidCPUandInvalidMemoryPolicy', spec: resized([policy('cpu', 'NotRequired'), policy('memory', 'Restarrrt')]), type: 'NotSupported', field: at, detail: 'Unsupported value: "Restarrrt": supported values: "NotRequired", "RestartContainer"' },
    { name: 'ValidMemoryandInvalidCPUPolicy', spec: resized([policy('cpu', 'RestartNotRequirrred'), policy('memory', 'RestartContainer')]), type: 'NotSupported', field: at, detail: '"RestartNotRequirrred"' },
    { name: 'InvalidResourceNameValidPolicy', spec: resized([policy('cpuuu', 'NotRequired')]), type: 'NotSupported', field: at, detail: 'Unsupported value: "cpuuu": supported values: "cpu", "memory"' },
    { name: 'ValidResourceNameMissingPolicy', spec: resized([policy('memory', '')]), type: 'Required', field: at },
    { name: 'RepeatedPolicies', spec: resized([policy('cpu', 'NotRequired'), policy('memory', 'RestartContainer'), policy('cpu', 'RestartContainer')]), type: 'Duplicate', field: `${at}[2]`, detail: '"cpu"' },
    { name: 'InvalidCPUPolicyWithPodRestartPolicy', spec: resized([policy('cpu', 'NotRequired'), policy('memory', 'RestartContainer')], 'Never'), type: 'Invalid', field: at, detail: `Invalid value: "RestartContainer": ${never}` },
    { name: 'InvalidMemoryPolicyWithPodRestartPolicy', spec: resized([policy('cpu', 'RestartContainer'), policy('memory', 'NotRequired')], 'Never'), type: 'Invalid', field: at, detail: never },
    { name: 'InvalidMemoryCPUPolicyWithPodRestartPolicy', spec: resized([policy('cpu', 'RestartContainer'), policy('memory', 'RestartContainer')], 'Never'), type: 'Invalid', field: at, detail: never },
    // TestValidateContainers.
    { name: 'Unsupported resize policy for memory', spec: resized([policy('memory', 'RestartContainerrrr')]), type: 'NotSupported', field: at },
    { name: 'Unsupported resize policy for CPU', spec: resized([policy('cpu', 'RestartNotRequired')]), type: 'NotSupported', field: at },
  ])('$name', expectRefused);
});

// validation_test.go :: TestValidateHostUsers (validateHostUsers through ValidatePodSpec).
describe('validation_test.go :: TestValidateHostUsers', () => {
  const volumes = [
    { name: 'configmap', configMap: { name: 'configmap' } },
    { name: 'secret', secret: { secretName: 'secret' } },
    { name: 'downward-api', downwardAPI: {} },
    { name: 'proj', projected: {} },
    { name: 'empty-dir', emptyDir: {} },
  ];
  test.each<[string, Record<string, unknown>]>([
    ['empty', basic],
    ['hostUsers=false', { ...basic, hostUsers: false }],
    ['hostUsers=true', { ...basic, hostUsers: true }],
    ['hostUsers=false & volumes', { ...basic, hostUsers: false, volumes }],
    ['hostUsers=false - stateful volume', { ...basic, hostUsers: false, volumes: [{ name: 'host-path', hostPath: { path: '/h' } }] }],
    ['hostUsers=true - unsupported volume', { ...basic, hostUsers: true, volumes: [{ name: 'host-path', hostPath: { path: '/h' } }] }],
  ])('%s: accepted', (_name, spec) => {
    expect(loads(spec).spec.containers).toHaveLength(1);
  });
  const forbidden = 'Forbidden: when `pod.Spec.HostUsers` is false';
  test.each<ErrorCase>([
    { name: 'hostUsers=false & HostNetwork', spec: { ...basic, hostUsers: false, hostNetwork: true }, type: 'Forbidden', field: 'spec.hostNetwork', detail: forbidden },
    { name: 'hostUsers=false & HostPID', spec: { ...basic, hostUsers: false, hostPID: true }, type: 'Forbidden', field: 'spec.HostPID', detail: forbidden },
    { name: 'hostUsers=false & HostIPC', spec: { ...basic, hostUsers: false, hostIPC: true }, type: 'Forbidden', field: 'spec.HostIPC', detail: forbidden },
  ])('$name', expectRefused);
});
