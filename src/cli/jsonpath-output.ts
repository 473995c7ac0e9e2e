/** `-o jsonpath=TEMPLATE`'s text for a document, or bad input naming the flag (a template kubectl cannot execute). */
import * as E from 'fp-ts/lib/Either.js';
import { printJsonPath } from '../printers/jsonpath.js';
import { BadInput } from './errors.js';

export const jsonPathText = (template: string, document: unknown): string => {
  const text = printJsonPath(template, document);
  if (E.isLeft(text)) throw new BadInput(`-o jsonpath: ${text.left}`);
  return text.right;
};
