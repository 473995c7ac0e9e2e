/** `-o jsonpath` and `-o custom-columns` text, or bad input with kubectl's words when a path cannot be executed. */
import * as E from 'fp-ts/lib/Either.js';
import type { CustomColumnsPrinted } from '../printers/custom-columns.js';
import { printJsonPath } from '../printers/jsonpath.js';
import { BadInput } from './errors.js';

/** What a path printer made, or its error as bad input (kubectl get stops at it: `cmdutil.CheckErr`). */
export const printedOrBadInput = <A>(printed: E.Either<string, A>): A => {
  if (E.isLeft(printed)) throw new BadInput(printed.left);
  return printed.right;
};

/** What a custom-columns printer wrote, or, when it stopped, its error as bad input after what it wrote. */
export const customColumnsOrBadInput = (printed: CustomColumnsPrinted): string => {
  if (printed.error !== undefined) throw new BadInput(printed.error, printed.text);
  return printed.text;
};

export const jsonPathText = (template: string, document: unknown): string => printedOrBadInput(printJsonPath(template, document));
