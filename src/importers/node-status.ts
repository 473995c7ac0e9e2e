/** Node status writes (audit `nodes/status`): each node condition that changed becomes NodeConditionChanged. */
import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { ConditionStatus, type Instant } from '../k8s/codecs.js';
import { envelopeAt, sameJson } from './build.js';
import { decodeAt } from './decode.js';
import { type Converted, converted, ignoredOnly, type Imported } from './imported.js';
import { maybeInstant } from './time.js';

const NodeCondition = t.intersection(
  [t.type({ type: t.string, status: ConditionStatus }), t.partial({ reason: t.string, message: t.string, lastTransitionTime: t.string })],
  'NodeCondition',
);
type NodeCondition = t.TypeOf<typeof NodeCondition>;
const Node = t.type(
  { metadata: t.type({ name: t.string }), status: t.partial({ conditions: t.array(NodeCondition) }) },
  'Node',
);

/** The last known conditions of each node, by name. */
export type NodeTracker = Map<string, readonly NodeCondition[]>;

/** Heartbeats rewrite `lastHeartbeatTime` only: a condition changed when its status, reason or message did. */
const meaning = (c: NodeCondition | undefined) => (c === undefined ? undefined : { status: c.status, reason: c.reason, message: c.message });

export const convertNodeStatus = (nodes: NodeTracker, response: unknown, at: Instant): E.Either<string, Converted> => {
  if (response === undefined || response === null) return E.right(ignoredOnly('node writes audited without the object (level below RequestResponse)'));
  return pipe(
    decodeAt(Node, 'responseObject')(response),
    E.map((node) => {
      const name = node.metadata.name;
      const before = nodes.get(name) ?? [];
      const conditions = node.status.conditions ?? [];
      nodes.set(name, conditions);
      return converted(
        conditions
          .filter((c) => !sameJson(meaning(c), meaning(before.find((b) => b.type === c.type))))
          .map((c): Imported => {
            const own = maybeInstant(c.lastTransitionTime);
            return {
              event: {
                type: 'NodeConditionChanged',
                ...envelopeAt(own ?? at, 'node'),
                node: name,
                conditionType: c.type,
                status: c.status,
                ...(c.reason !== undefined && { reason: c.reason }),
                ...(c.message !== undefined && { message: c.message }),
              },
              origin: 'audit',
              certainty: own === undefined ? 'inferred' : 'exact',
            };
          }),
      );
    }),
  );
};
