/**
 * The selectors of a list as `kubectl get` and `kubectl describe` send them (`-l`, `--field-selector`): the API
 * server parses both, and converts the field selector's labels, refusing with a 400 what it cannot read
 * (`selectors/`), and kubectl names the list it asked for before the server's message (cli-runtime
 * resource/helper.go :: EnhanceListError).
 */
import * as E from 'fp-ts/lib/Either.js';
import { parseFieldSelector, parseSelector, type FieldRequirement, type Requirement, type SelectableFields } from '../selectors/index.js';
import { BadRequest } from './errors.js';
import type { ResourceKind } from './resources.js';

export interface ListSelectors {
  /** The resource listed, named as kubectl names its list (`schema.GroupVersionResource.String()` of core/v1). */
  readonly resource: ResourceKind;
  /** `-l` as given ('' without). */
  readonly labelSelector: string;
  /** `--field-selector` as given ('' without). */
  readonly fieldSelector: string;
}

/** What kubectl sends: its builder trims each selector (LabelSelectorParam, FieldSelectorParam). */
const sent = (selector: string): string => selector.trim();

/** kubectl's line for a list the API server refused with `message`. */
const refused = (list: ListSelectors, message: string): BadRequest => {
  // Go's %q, which JSON's quoting is for the printable text selectors are written in.
  const quoted = (text: string): string => JSON.stringify(text);
  return new BadRequest(
    `Unable to find "/v1, Resource=${list.resource}" that match label selector ${quoted(sent(list.labelSelector))}, field selector ${quoted(sent(list.fieldSelector))}: ${message}`,
  );
};

/** The requirements of the label selector, or kubectl's error line for the list it refused. */
export const labelRequirements = (list: ListSelectors): Requirement[] => {
  const parsed = parseSelector(sent(list.labelSelector));
  if (E.isLeft(parsed)) throw refused(list, parsed.left);
  return [...parsed.right];
};

/** The requirements of the field selector over `fields`, or kubectl's error line for the list it refused. */
export const fieldRequirements = <T>(list: ListSelectors, fields: SelectableFields<T>): FieldRequirement[] => {
  const parsed = parseFieldSelector(sent(list.fieldSelector), fields);
  if (E.isLeft(parsed)) throw refused(list, parsed.left.message);
  return parsed.right;
};
