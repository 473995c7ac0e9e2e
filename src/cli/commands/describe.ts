/** `podj describe pod [NAME…|PREFIX]`: kubectl's describe of pods as they were at any instant, with their Events tables. */
import type { Command } from 'commander';
import { describePod, eventsOfPod, kubeEventsFor, heldAt } from '../../printers/index.js';
import { noResources } from '../../printers/pod-columns.js';
import { unadmittedNote } from '../../printers/inferred-notes.js';
import { isKnownOnlyFromEvents } from '../../k8s/inferred-annotation.js';
import { selectorMatches } from '../../selectors/index.js';
import { labelRequirements } from '../list-selectors.js';
import { podAt } from '../../timetravel/pod-at.js';
import { NAMESPACE_FLAG_HELP, type Context } from '../context.js';
import { BadInput, Finding } from '../errors.js';
import { addEventTtlOption, eventTtlOf } from '../event-ttl.js';
import { withJournal } from '../journal-access.js';
import { podNotFound, podRecordsNamed } from '../pod-records.js';
import { addReadOptions, podKeysAt, readPoint, type PodKey, type ReadOptions } from '../read-options.js';
import { namesOf, podResource, refuseNamesAcrossNamespaces } from '../resources.js';

interface DescribeOptions extends ReadOptions {
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly selector?: string;
  readonly eventTtl?: string;
  /** `--show-events` (true), `--show-events=true|false`; undefined when not given. */
  readonly showEvents?: boolean | string;
}

/** A boolean flag's value as pflag reads it (`strconv.ParseBool`). */
const showEventsOf = (value: boolean | string | undefined): boolean | undefined => {
  if (value === undefined || typeof value === 'boolean') return value;
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  throw new BadInput(`--show-events: invalid argument "${value}": strconv.ParseBool: parsing "${value}": invalid syntax`);
};

export const registerDescribe = (program: Command, ctx: Context): void => {
  const cmd = program
    .command('describe')
    .description('describe pods like kubectl describe pod, at any instant')
    .argument('<resource>', 'pod, pods or pod/NAME')
    .argument('[names...]', 'the pods (NAME or pod/NAME), or one prefix of the names to describe (all pods without any)')
    .option('-n, --namespace <ns>', NAMESPACE_FLAG_HELP)
    .option('-A, --all-namespaces', 'the pods of every namespace (no NAME)')
    .option('-l, --selector <selector>', 'only the pods whose labels match (=, ==, !=, in, notin, key, !key)')
    .option('--show-events [bool]', "the Events section (default: for one pod named exactly; not for several, a prefix's or a missing name's, as kubectl)");
  addEventTtlOption(addReadOptions(cmd)).action(async (resource: string, args: string[], _: unknown, command: Command) => {
    podResource(resource.split('/')[0] ?? resource);
    const asked = namesOf('pods', resource, args);
    const opts = command.optsWithGlobals<DescribeOptions>();
    const selector = labelRequirements({ resource: 'pods', labelSelector: opts.selector ?? '', fieldSelector: '' });
    const namespace = ctx.namespaceNamed(opts);
    const allNamespaces = opts.allNamespaces === true;
    refuseNamesAcrossNamespaces('pods', asked, allNamespaces);
    const ttl = eventTtlOf(opts.eventTtl);
    const showEventsAsked = showEventsOf(opts.showEvents);
    await withJournal(ctx, opts, 'read', async (journal) => {
      const point = await readPoint(journal, opts, ctx.io.err);
      // kubectl (describe.go :: Run): `describe pod NAME` with a name no pod has describes the pods whose names
      // start with it (DescribeMatchingResources); several names, or pod/NAME, are looked up exactly.
      const prefix = asked.length === 1 && !resource.includes('/') ? asked[0] : undefined;
      const exact = prefix === undefined ? [] : await podRecordsNamed(journal, { namespace, name: prefix, asOf: point.asOf });
      const keys: readonly PodKey[] =
        asked.length === 0 || (prefix !== undefined && exact.length === 0)
          ? (await podKeysAt(journal, point, allNamespaces ? undefined : namespace)).filter((k) => prefix === undefined || k.name.startsWith(prefix))
          : asked.map((name) => ({ namespace, name }));
      const found: Array<{ readonly state: NonNullable<ReturnType<typeof podAt>>; readonly upTo: typeof exact }> = [];
      const missing: string[] = [];
      for (const each of keys) {
        const records = each.name === prefix ? exact : await podRecordsNamed(journal, { ...each, asOf: point.asOf });
        const upTo = records.filter((r) => point.at === undefined || r.event.at <= point.at);
        // Not yet created, or already removed, at that instant: the API server would not have it.
        const state = podAt(upTo, point.at);
        if (state === undefined) missing.push(each.name);
        else if (selectorMatches(selector, state.pod.metadata.labels ?? {})) found.push({ state, upTo });
      }
      const prefixMatched = prefix !== undefined && exact.length === 0;
      // describe.go :: Run: the Events unless several objects, a lookup error (a missing name) or a prefix's
      // matches (DescribeMatchingResources follows the NotFound), when --show-events is not given.
      const showEvents = showEventsAsked ?? (!prefixMatched && missing.length === 0 && found.length <= 1);
      const described: string[] = [];
      const unadmitted: string[] = [];
      for (const { state, upTo } of found) {
        // kubectl describe lists the Events the API server still holds: those written within --event-ttl.
        const events = showEvents ? eventsOfPod(kubeEventsFor(upTo.map((r) => r.event)), state.pod).filter(heldAt(point.now, ttl)) : undefined;
        const { metadata, status } = state.pod;
        // A start shown with no admission (nor rejection: the kubelet's first status, with its startTime) recorded
        // is the fold's own (pods known only from Events carry their own mark).
        const admitted = upTo.some((r) => (r.event.type === 'PodAdmitted' || r.event.type === 'PodRejected') && r.event.pod.uid === metadata.uid);
        const admission = status?.startTime !== undefined && !admitted && !isKnownOnlyFromEvents(state.pod);
        described.push(describePod(state.pod, events, point.now, { admission }));
        if (admission) unadmitted.push(`${metadata.namespace ?? 'default'}/${metadata.name ?? ''}`);
      }
      // Run joins its objects with a blank line between; DescribeMatchingResources ends each with a newline.
      ctx.io.out(prefixMatched ? described.map((d) => `${d}\n`).join('') : described.join('\n\n'));
      const note = unadmittedNote(unadmitted);
      if (note !== '') ctx.io.err(note);
      if (prefix !== undefined && exact.length === 0 && keys.length === 0) missing.push(prefix);
      if (missing.length > 0) throw new Finding(missing.map((n) => podNotFound(n).message).join('\n'));
      if (described.length === 0) ctx.io.err(noResources({ allNamespaces, namespace }));
    });
  });
};
