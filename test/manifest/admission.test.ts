/** The mutating admission plugins every created pod passes: ServiceAccount, DefaultTolerationSeconds, Priority. */
import { describe, expect, it } from 'vitest';
import { tokenVolumeName } from '../../src/manifest/service-account.js';
import { errorLine, firstPod, fixtureText } from './load-helpers.js';

const pod = (spec: string, meta = 'name: p') => `apiVersion: v1
kind: Pod
metadata: { ${meta} }
spec:
${spec}`;

const TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

describe('ServiceAccount (plugin/pkg/admission/serviceaccount/admission.go :: Admit, mountServiceAccountToken)', () => {
  it('names the default service account, mirrored into the deprecated serviceAccount field', () => {
    const spec = firstPod(fixtureText('liveness-exec.yaml')).spec;
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.serviceAccount).toBe('default');
    const named = firstPod(pod('  serviceAccountName: builder\n  containers: [{ name: c, image: busybox:1.36 }]')).spec;
    expect([named.serviceAccountName, named.serviceAccount]).toEqual(['builder', 'builder']);
    const deprecated = firstPod(pod('  serviceAccount: old\n  containers: [{ name: c, image: busybox:1.36 }]')).spec;
    expect([deprecated.serviceAccountName, deprecated.serviceAccount]).toEqual(['old', 'old']);
  });

  it('adds the kube-api-access projected volume exactly as the recorded cluster shows it, mounted read-only in every container', () => {
    const spec = firstPod(fixtureText('init-containers.yaml')).spec;
    const name = tokenVolumeName('default', 'myapp-pod');
    expect(name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec.volumes).toEqual([
      {
        name,
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
          defaultMode: 420,
        },
      },
    ]);
    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
      expect(c.volumeMounts).toEqual([{ name, readOnly: true, mountPath: TOKEN_PATH }]);
    }
  });

  it('derives the suffix from namespace and name, so a replay and a second apply name the same volume', () => {
    expect(tokenVolumeName('default', 'web')).toBe(tokenVolumeName('default', 'web'));
    expect(tokenVolumeName('default', 'web')).not.toBe(tokenVolumeName('prod', 'web'));
  });

  it('mounts nothing with automountServiceAccountToken: false, but still names the account', () => {
    const spec = firstPod(pod('  automountServiceAccountToken: false\n  containers: [{ name: c, image: busybox:1.36 }]')).spec;
    expect(spec.volumes).toBeUndefined();
    expect(spec.containers[0]?.volumeMounts).toBeUndefined();
    expect(spec.serviceAccountName).toBe('default');
  });

  it('leaves a container that already mounts the token path alone, and reuses an existing kube-api-access volume', () => {
    const spec = firstPod(
      pod(`  volumes: [{ name: kube-api-access-abcde, emptyDir: {} }, { name: own, emptyDir: {} }]
  containers:
  - { name: a, image: busybox:1.36, volumeMounts: [{ name: own, mountPath: ${TOKEN_PATH} }] }
  - { name: b, image: busybox:1.36 }`),
    ).spec;
    expect(spec.volumes?.map((v) => v.name)).toEqual(['kube-api-access-abcde', 'own']);
    expect(spec.containers[0]?.volumeMounts).toEqual([{ name: 'own', mountPath: TOKEN_PATH }]);
    expect(spec.containers[1]?.volumeMounts).toEqual([{ name: 'kube-api-access-abcde', readOnly: true, mountPath: TOKEN_PATH }]);
  });

  it('does not touch a mirror pod', () => {
    // A mirror pod names its node (validation.go :: ValidatePodSpecificAnnotations refuses one without).
    const spec = firstPod(pod('  nodeName: n1\n  containers: [{ name: c, image: busybox:1.36 }]', 'name: p, annotations: { kubernetes.io/config.mirror: abc }')).spec;
    expect(spec.serviceAccountName).toBeUndefined();
    expect(spec.volumes).toBeUndefined();
  });
});

describe('DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds/admission.go :: Admit)', () => {
  const defaults = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ];

  it('adds the two 300 s NoExecute tolerations after the manifest own ones', () => {
    expect(firstPod(fixtureText('liveness-exec.yaml')).spec.tolerations).toEqual(defaults);
    const own = { key: 'gpu', operator: 'Exists', effect: 'NoSchedule' };
    expect(firstPod(pod('  tolerations: [{ key: gpu, operator: Exists, effect: NoSchedule }]\n  containers: [{ name: c, image: busybox:1.36 }]')).spec.tolerations).toEqual([
      own,
      ...defaults,
    ]);
  });

  it('adds none for a key the pod already tolerates with NoExecute or any effect, and none at all for an empty key', () => {
    const unreachable = firstPod(
      // Any effect (none given): tolerationSeconds would need NoExecute (validation.go :: ValidateTolerations).
      pod('  tolerations: [{ key: node.kubernetes.io/unreachable, operator: Exists }]\n  containers: [{ name: c, image: busybox:1.36 }]'),
    ).spec.tolerations;
    expect(unreachable).toEqual([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }, defaults[0]]);
    const everything = firstPod(pod('  tolerations: [{ operator: Exists }]\n  containers: [{ name: c, image: busybox:1.36 }]')).spec.tolerations;
    expect(everything).toEqual([{ operator: 'Exists' }]);
  });
});

describe('Priority (plugin/pkg/admission/priority/admission.go :: admitPod)', () => {
  it('sets priority 0 and preemptionPolicy PreemptLowerPriority when no class is named', () => {
    expect(firstPod(fixtureText('liveness-exec.yaml')).spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it('refuses a preemptionPolicy that differs from a system class', () => {
    expect(errorLine(pod('  priorityClassName: system-node-critical\n  preemptionPolicy: Never\n  containers: [{ name: c, image: busybox:1.36 }]'))).toBe(
      'pod.yaml:6: spec.preemptionPolicy: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    );
  });
});

describe('SetDefaults_PodSpec (pkg/apis/core/v1/defaults.go)', () => {
  it('enables service links', () => {
    expect(firstPod(fixtureText('liveness-exec.yaml')).spec.enableServiceLinks).toBe(true);
  });
});
