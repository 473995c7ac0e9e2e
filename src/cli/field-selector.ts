/**
 * A field selector as `kubectl get --field-selector` sends it: the API server parses it and converts its field
 * labels, refusing with a 400 what it cannot read (`selectors/fields.ts`), and kubectl names the list it asked
 * for before the server's message (cli-runtime resource/helper.go :: EnhanceListError).
 */
import * as E from 'fp-ts/lib/Either.js';
import { parseFieldSelector, type FieldRequirement, type SelectableFields } from '../selectors/index.js';
import { BadRequest } from './errors.js';

/** The resources `get` lists, as kubectl names their list (`schema.GroupVersionResource.String()` of core/v1). */
export type ListedResource = 'pods' | 'events' | 'nodes';

/** The requirements of `fieldSelector` over `fields`, or kubectl's error line for the list of `resource` it refused. */
export const fieldRequirements = <T>(resource: ListedResource, labelSelector: string, fieldSelector: string, fields: SelectableFields<T>): FieldRequirement[] => {
  const parsed = parseFieldSelector(fieldSelector, fields);
  if (E.isRight(parsed)) return parsed.right;
  // Go's %q, which JSON's quoting is for the printable text selectors are written in.
  const quoted = (text: string): string => JSON.stringify(text);
  throw new BadRequest(
    `Unable to find "/v1, Resource=${resource}" that match label selector ${quoted(labelSelector)}, field selector ${quoted(fieldSelector)}: ${parsed.left.message}`,
  );
};
