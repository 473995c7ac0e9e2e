/**
 * Image references as a v1.36 node with containerd reports them: distribution/reference normalize.go ::
 * ParseNormalizedNamed (docker.io, library/, :latest), and what the real recordings under
 * test/fixtures/real/ show (`image: docker.io/library/busybox:1.36`, `imageID: docker.io/library/busybox@sha256:…`,
 * `containerID: containerd://` + 64 hex).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulatedContainerID, simulatedImageID } from '../../src/engine/ids.js';
import { isContainerdImageID, normalizedImage } from '../../src/k8s/image-ref.js';

const REAL = join(import.meta.dirname, '../fixtures/real');

describe('normalised references (ParseNormalizedNamed)', () => {
  it.each([
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['nginx', 'docker.io/library/nginx:latest'],
    ['saadali/simmemleak', 'docker.io/saadali/simmemleak:latest'],
    ['index.docker.io/library/nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['quay.io/prometheus/node-exporter:v1.8.0', 'quay.io/prometheus/node-exporter:v1.8.0'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    [`nginx@sha256:${'a'.repeat(64)}`, `docker.io/library/nginx@sha256:${'a'.repeat(64)}`],
  ])('%s → %s', (image, normalised) => {
    expect(normalizedImage(image)).toBe(normalised);
  });

  it("matches every real v1.36 containerd status: the spec's image normalised is the status image", () => {
    const pods = (JSON.parse(readFileSync(join(REAL, 'crash-loop-pods.json'), 'utf8')) as { items: { spec: { containers: { name: string; image: string }[] }; status: { containerStatuses: { name: string; image: string; imageID: string }[] } }[] }).items;
    const pairs = pods.flatMap((p) => p.status.containerStatuses.map((cs) => [p.spec.containers.find((c) => c.name === cs.name)?.image ?? '', cs]));
    expect(pairs.length).toBeGreaterThan(0);
    for (const [image, cs] of pairs as [string, { image: string; imageID: string }][]) {
      expect(isContainerdImageID(cs.imageID)).toBe(true);
      expect(normalizedImage(image)).toBe(cs.image);
    }
  });

  it('tells a docker-era imageID from a containerd one', () => {
    expect(isContainerdImageID(`docker-pullable://nginx@sha256:${'b'.repeat(64)}`)).toBe(false);
    expect(isContainerdImageID('')).toBe(false);
    expect(isContainerdImageID(`docker.io/library/nginx@sha256:${'b'.repeat(64)}`)).toBe(true);
  });
});

describe("simulated IDs in containerd's form, the same on every replay", () => {
  it('imageID is the normalised repository with a digest; a pinned digest is kept', () => {
    expect(simulatedImageID('nginx:1.25')).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(simulatedImageID('nginx:1.25')).toBe(simulatedImageID('docker.io/library/nginx:1.25'));
    expect(simulatedImageID('nginx:1.25')).not.toBe(simulatedImageID('nginx:1.26'));
    expect(simulatedImageID(`nginx@sha256:${'c'.repeat(64)}`)).toBe(`docker.io/library/nginx@sha256:${'c'.repeat(64)}`);
  });

  it('containerID is containerd:// and 64 hex digits, one per instance', () => {
    expect(simulatedContainerID('uid/app/0')).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(simulatedContainerID('uid/app/0')).toBe(simulatedContainerID('uid/app/0'));
    expect(simulatedContainerID('uid/app/0')).not.toBe(simulatedContainerID('uid/app/1'));
  });
});
