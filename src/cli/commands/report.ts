/** `podj report`: the incident as one self-contained HTML page (lanes, bands, markers, a get-pods cursor). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import { msOf } from '../../k8s/codecs.js';
import { buildReport } from '../../report/build.js';
import { reportHtml } from '../../report/html.js';
import { nodesDrawn } from '../../report/model.js';
import { parseSelector } from '../../selectors/index.js';
import { NAMESPACE_FLAG_HELP, type Context, type GlobalOptions } from '../context.js';
import { BadInput, Finding } from '../errors.js';
import { instantOption, refuseReversedRange } from '../instants.js';
import { withJournal } from '../journal-access.js';
import { checkOutputFile, writeOutputFile } from '../output-file.js';
import { counted } from '../../text/counted.js';
import { notFoundLine } from '../../printers/not-found.js';

interface ReportOptions extends GlobalOptions {
  readonly out: string;
  readonly from?: string;
  readonly to?: string;
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly selector?: string;
  readonly title?: string;
}

/** The page script, built by `npm run bundle:report` beside this module's folder in `dist/`. */
const pageScript = (): string => {
  const path = new URL('../report-page/page.js', import.meta.url);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new BadInput(`the report page script is missing at ${path.pathname} (run npm run build)`);
  }
};

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

export const registerReport = (program: Command, ctx: Context): void => {
  program
    .command('report')
    .description('the incident as one self-contained HTML page: a lane per pod, a get-pods cursor, diffs')
    .argument('[names...]', 'only these pods')
    .option('--out <file>', 'the HTML file to write', 'report.html')
    .option('--from <T>', 'start of the window drawn: RFC 3339, or +DURATION from the first event')
    .option('--to <T>', 'end of the window drawn (default: the last event)')
    .option('-n, --namespace <ns>', NAMESPACE_FLAG_HELP)
    .option('-A, --all-namespaces', 'pods of every namespace')
    .option('-l, --selector <selector>', 'label selector (pods whose labels matched at any time)')
    .option('--title <text>', 'the page title (default: the pods and the window)')
    .action(async (names: string[], _: unknown, command: Command) => {
      const opts = command.optsWithGlobals<ReportOptions>();
      const selector = parseSelector(opts.selector ?? '');
      if (E.isLeft(selector)) throw new BadInput(`--selector: ${selector.left}`);
      const script = pageScript();
      const out = resolve(ctx.io.cwd, opts.out);
      checkOutputFile('--out', opts.out, out);
      await withJournal(ctx, opts, 'read', async (journal) => {
        const from = instantOption(journal, '--from', opts.from);
        const to = instantOption(journal, '--to', opts.to);
        refuseReversedRange('--from', from, '--to', to);
        const data = await buildReport(journal.recordsInTimeOrder().batches(), {
          ...(opts.allNamespaces === true ? {} : { namespace: ctx.namespaceNamed(opts) }),
          selector: selector.right,
          selectorText: opts.selector ?? '',
          names,
          ...(from === undefined ? {} : { from: msOf(from) }),
          ...(to === undefined ? {} : { to: msOf(to) }),
          ...(opts.title === undefined ? {} : { title: opts.title }),
        });
        // A name no pod in scope held is get pods NAME's NotFound (exit 1), and no page drawn without it.
        const missing = names.filter((name) => !data.pods.some((pod) => pod.name === name));
        if (missing.length > 0) throw new Finding(missing.map((name) => notFoundLine('pods', name)).join('\n'));
        const html = reportHtml(data, script);
        writeOutputFile('--out', opts.out, out, html);
        ctx.io.out(`${opts.out}: ${counted(data.pods.length, 'pod')}, ${counted(nodesDrawn(data), 'node')}, ${megabytes(Buffer.byteLength(html))}\n`);
      });
    });
};
