/** `podj apply -f FILE`: records the API writes a manifest makes, answering like kubectl. */
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import type { Event } from '../../events/index.js';
import type { Instant } from '../../k8s/codecs.js';
import type { V1Pod } from '../../k8s/pod.js';
import { canonical } from '../../journal/index.js';
import { formatManifestError, loadManifests } from '../../manifest/index.js';
import { findPod, foldCluster, type ClusterState } from '../../reducers/index.js';
import { writeInstant } from '../clock.js';
import type { Context, GlobalOptions } from '../context.js';
import { BadInput, BadRequest } from '../errors.js';
import { withJournal } from '../journal-access.js';
import { readInput } from '../scenario-file.js';
import { stateAt } from '../read-options.js';

interface ApplyOptions extends GlobalOptions {
  readonly filename: string[];
  readonly at?: string;
  readonly validate: string | true;
}

/** What kubectl's `--validate` asks of fields the v1 Pod does not have (`cmdutil.GetValidationDirective`). */
type FieldValidation = 'strict' | 'warn' | 'ignore';

const fieldValidation = (flag: string | true): FieldValidation => {
  const value = flag === true ? 'strict' : flag.toLowerCase();
  if (value === 'strict' || value === 'true') return 'strict';
  if (value === 'warn') return 'warn';
  if (value === 'ignore' || value === 'false') return 'ignore';
  throw new BadInput(`invalid - validate option "${String(flag)}"; must be one of: strict (or true), warn, ignore (or false)`);
};

/**
 * The API server's refusal of a pod with unknown fields under strict field validation, kubectl's default since
 * v1.27 (`--validate=strict`: the request's `fieldValidation=Strict`, the decoder's `strict decoding error`).
 */
const strictDecodingError = (file: string, fields: readonly string[]): BadRequest =>
  new BadRequest(
    `error when creating "${file}": Pod in version "v1" cannot be handled as a Pod: strict decoding error: ${fields.map((f) => `unknown field "${f}"`).join(', ')}`,
  );

type Outcome = { readonly verb: 'created' | 'configured' | 'unchanged'; readonly events: readonly Event[] };

/** The spec as the user can state it, in canonical key order: the scheduler's binding is not part of a manifest. */
const specText = (pod: V1Pod, keepNodeName: boolean): string => {
  const { nodeName, ...rest } = pod.spec;
  return canonical(keepNodeName ? { ...rest, nodeName } : rest);
};

const sameEntries = (a: Readonly<Record<string, string>> = {}, b: Readonly<Record<string, string>> = {}): boolean =>
  canonical(a) === canonical(b);

/** What applying one pod does against the state: create it, update its metadata, or nothing. */
const applyOne = (state: ClusterState, pod: V1Pod, at: Instant, file: string): Outcome => {
  const namespace = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  const live = findPod(state, namespace, name);
  if (live === undefined) {
    const ref = { namespace, name, uid: pod.metadata.uid ?? randomUUID() };
    return { verb: 'created', events: [{ v: 1, type: 'PodCreated', at, source: 'api', pod: ref, manifest: pod }] };
  }
  const current = live.pod;
  if (specText(current, pod.spec.nodeName !== undefined) !== specText(pod, pod.spec.nodeName !== undefined)) {
    throw new BadInput(
      `${file}: The Pod "${name}" is invalid: spec: Forbidden: pod updates may not change fields other than metadata (podj records label and annotation updates)`,
    );
  }
  const labels = pod.metadata.labels ?? {};
  const annotations = pod.metadata.annotations ?? {};
  if (sameEntries(current.metadata.labels, labels) && sameEntries(current.metadata.annotations, annotations)) {
    return { verb: 'unchanged', events: [] };
  }
  const ref = { namespace, name, uid: current.metadata.uid ?? '' };
  return { verb: 'configured', events: [{ v: 1, type: 'PodMetadataUpdated', at, source: 'api', pod: ref, labels, annotations }] };
};

export const registerApply = (program: Command, ctx: Context): void => {
  program
    .command('apply')
    .description('record the API writes of a pod manifest (YAML or JSON, one or many documents)')
    // No default: an empty list would satisfy commander's requiredOption, and `podj apply` alone answer nothing with 0.
    .requiredOption('-f, --filename <file>', 'manifest file (repeatable; - for stdin)', (v: string, p: string[] | undefined) => [...(p ?? []), v])
    .option('--at <T>', 'record the writes at this instant instead of now')
    .option('--validate [mode]', 'fields the v1 Pod does not have: strict (refuse, as kubectl by default), warn, or ignore', 'strict')
    .action(async (_: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<ApplyOptions>();
      const validation = fieldValidation(opts.validate);
      const loaded = opts.filename.map((file) => {
        const text = readInput(ctx, file === '-' ? '/dev/stdin' : file);
        const result = loadManifests(text, file);
        if (E.isLeft(result)) throw new BadInput(formatManifestError(result.left));
        const unknown = result.right.pods.find((p) => p.unknownFields.length > 0);
        if (validation === 'strict' && unknown !== undefined) throw strictDecodingError(file, unknown.unknownFields);
        return result.right;
      });
      if (validation === 'warn') for (const warning of loaded.flatMap((l) => l.warnings)) ctx.io.err(`Warning: ${warning}\n`);
      await withJournal(ctx, opts, 'create', async (journal) => {
        const at = writeInstant(ctx, journal, opts.at);
        const expectedSeq = journal.head().seq;
        let state = await stateAt(journal, { now: new Date(at) });
        const events: Event[] = [];
        const answers: string[] = [];
        loaded.forEach((l, i) => {
          for (const { pod } of l.pods) {
            // Each document sees the writes of the ones before it, as separate API calls would.
            const outcome = applyOne(state, pod, at, opts.filename[i] ?? '');
            state = foldCluster(outcome.events, state);
            events.push(...outcome.events);
            answers.push(`pod/${pod.metadata.name ?? ''} ${outcome.verb}\n`);
          }
        });
        if (events.length > 0) await journal.append(events, { expectedSeq });
        for (const answer of answers) ctx.io.out(answer);
      });
    });
};
