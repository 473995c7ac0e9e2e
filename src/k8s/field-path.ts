/** Field paths as segments and as the dotted text Kubernetes errors print (`spec.containers[1].image`). */

/** A field path as segments: keys and array indexes (`['spec', 'containers', 1, 'image']`). */
export type FieldPath = ReadonlyArray<string | number>;

/** A map key as `field.Path.Key` prints it, `limits[cpu]` (`parsePath` reads it back as the key `cpu`). */
export const mapKey = (key: string): string => `[${key}]`;

/** `spec.containers[1].image` from segments. */
export const renderPath = (path: FieldPath): string =>
  path.reduce<string>(
    (out, segment) =>
      typeof segment === 'number' ? `${out}[${segment}]` : out === '' || segment.startsWith('[') ? `${out}${segment}` : `${out}.${segment}`,
    '',
  );

/** Segments from `spec.containers[1].image`: the inverse of `renderPath`, to find a field in its file. */
export const parsePath = (path: string): FieldPath =>
  [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) => (index !== undefined ? Number(index) : (key ?? '')));

