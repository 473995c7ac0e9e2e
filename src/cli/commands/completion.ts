/**
 * `podj completion bash|zsh`: a completion script generated from the commander program itself (every verb and
 * its options), so it never drifts from the CLI. Load with `source <(podj completion bash)`.
 */
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { BadInput } from '../errors.js';

const wordsOf = (cmd: Command): string[] => cmd.options.flatMap((o) => [o.short, o.long].filter((f): f is string => f !== undefined));

/** Verb-specific first arguments worth offering. */
const resourcesOf: Readonly<Record<string, string>> = { get: 'pods nodes events', describe: 'pod pods', timeline: 'pod', diff: 'pod', delete: 'pod', top: 'pods' };

const bashScript = (program: Command): string => {
  const verbs = program.commands.map((c) => c.name());
  const cases = program.commands
    .map((c) => `    ${c.name()}) words="${[resourcesOf[c.name()] ?? '', ...wordsOf(c), '--journal'].join(' ').trim()}" ;;`)
    .join('\n');
  return `# podj completion for bash (zsh: autoload -U bashcompinit && bashcompinit first)
_podj() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${verbs.join(' ')} --journal --version --help" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _podj podj
`;
};

export const registerCompletion = (program: Command, ctx: Context): void => {
  program
    .command('completion')
    .description('print a shell completion script: source <(podj completion bash)')
    .argument('<shell>', 'bash or zsh')
    .action((shell: string) => {
      if (shell !== 'bash' && shell !== 'zsh') throw new BadInput(`completion: unsupported shell "${shell}" (bash or zsh)`);
      const zsh = shell === 'zsh' ? 'autoload -U +X bashcompinit && bashcompinit\n' : '';
      ctx.io.out(zsh + bashScript(program));
    });
};
