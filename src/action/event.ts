import { readFile } from 'node:fs/promises';

/** What the Action needs from the event that started the workflow (the JSON at GITHUB_EVENT_PATH). */
export interface RunEvent {
  readonly name: string;
  /** The pull request's number, for its comment; undefined outside pull requests. */
  readonly pullRequest?: number;
  /** The commit to compare with: the pull request's base, or the commit a push started from. */
  readonly base?: string;
  /** owner/name */
  readonly repository?: string;
}

const NO_COMMIT = /^0+$/; // a push that created the branch has no "before"

export async function readEvent(env: Readonly<Record<string, string | undefined>>): Promise<RunEvent> {
  const name = env.GITHUB_EVENT_NAME ?? '';
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`Cannot read the event at GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH}): ${(error as Error).message}`);
    }
  }
  const pr = payload.pull_request as { number?: number; base?: { sha?: string; ref?: string } } | undefined;
  const before = typeof payload.before === 'string' && !NO_COMMIT.test(payload.before) ? payload.before : undefined;
  const base = pr?.base?.sha ?? (env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : before);
  const repository = env.GITHUB_REPOSITORY ?? (payload.repository as { full_name?: string } | undefined)?.full_name;
  return {
    name,
    ...(typeof pr?.number === 'number' ? { pullRequest: pr.number } : {}),
    ...(base ? { base } : {}),
    ...(repository ? { repository } : {}),
  };
}
