/**
 * kubectl describe's `PrefixWriter` over its tabwriter (`describe.go :: NewPrefixWriter, tabbedString`):
 * each level indents by two spaces; text is aligned by tabs, block by block, between flushes. Whatever it
 * writes is escaped for the terminal, as `prefixWriter.Write` / `WriteLine` do through cli-runtime's
 * `printers.WriteEscaped`.
 */
import { tabwrite } from './tabwriter.js';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export interface PrefixWriter {
  /** Writes `text` after the level's indentation. */
  write(level: number, text: string): void;
  /** Writes `text` and a newline, without indentation (Go's `WriteLine`). */
  writeLine(text: string): void;
  /** Aligns what was written so far on its own (Go's `Flush`). */
  flush(): void;
}

/**
 * `describe.go :: NewNestedPrefixWriter`: every write `indent` levels deeper, and a line written whole
 * (`WriteLine`) at the indent's level, not at the line's start.
 */
export const nestedPrefixWriter = (w: PrefixWriter, indent: number): PrefixWriter => ({
  write: (level, text) => w.write(level + indent, text),
  writeLine: (text) => w.write(indent, `${text}\n`),
  flush: () => w.flush(),
});

/**
 * cli-runtime `printers/terminal.go :: terminalEscaper`: ESC and carriage return shown as `^[` and `\r`, so
 * that a pod's text (a termination message with colour codes, an annotation) cannot drive the terminal.
 */
export const escapeTerminal = (text: string): string => text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

/** Runs `describe` against a fresh writer and returns the aligned text (minwidth 0, padding 2). */
export const tabbedString = (describe: (w: PrefixWriter) => void): string => {
  const flushed: string[] = [];
  let pending = '';
  const flush = (): void => {
    flushed.push(tabwrite(pending, { minwidth: 0, padding: 2 }));
    pending = '';
  };
  describe({
    write: (level, text) => {
      pending += escapeTerminal('  '.repeat(level) + text);
    },
    writeLine: (text) => {
      pending += escapeTerminal(`${text}\n`);
    },
    flush,
  });
  flush();
  return flushed.join('');
};
