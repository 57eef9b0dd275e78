import type { CliContext } from '../cli/context';
import { runCli } from '../cli/run';

export interface CliOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a `rubrics` command line in-process (the CLI is bundled into the Action) and collects what it writes. */
export async function rubrics(args: readonly string[], cwd: string, env: CliContext['env']): Promise<CliOutput> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}
