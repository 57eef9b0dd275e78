import type { CliContext } from '../cli/context';
import { runCli } from '../cli/run';

export interface CliOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a `rubrics` command line in-process (the CLI is bundled into the Action) and collects what
 * it writes. References stay inside GITHUB_WORKSPACE (the checkout), as the CLI keeps them inside
 * the repository: a pull request must not make the bot read and print the runner's other files.
 */
export async function rubrics(args: readonly string[], cwd: string, env: CliContext['env']): Promise<CliOutput> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    root: env.GITHUB_WORKSPACE ?? cwd,
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}
