/**
 * The journal folder a command names, refused when a file stands where one of its folders should be
 * (`--journal notes.txt/j`): LevelDB, `mkdir` and `rm` would each fail with a bare `ENOTDIR` of their own.
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { BadInput } from './errors.js';

/** The nearest existing folder-or-file above `dir`, when it is not a folder. */
const fileAbove = (dir: string): string | undefined => {
  for (let above = dirname(dir); ; above = dirname(above)) {
    try {
      return statSync(above).isDirectory() ? undefined : above;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // missing, or itself under a file: look further up; anything else (no permission) is for the opening to tell
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(above) === above) return undefined;
    }
  }
};

export const journalPath = (dir: string): string => {
  const file = fileAbove(dir);
  if (file !== undefined) throw new BadInput(`journal ${dir}: ${file} is a file, not a folder`);
  return dir;
};
