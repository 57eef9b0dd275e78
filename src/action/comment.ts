/**
 * The pull request's one comment from this Action, through GitHub's REST API with the workflow's
 * token: found by a hidden marker in its body and edited in place, so a pull request keeps a
 * single, current comment however often it is pushed to.
 */
import { MAX_COMMENT_LENGTH } from '../core/render';

export const COMMENT_MARKER = '<!-- rubrics-as-code: score diff -->';
const PAGE_SIZE = 100;

export interface GitHubApi {
  /** https://api.github.com, or GITHUB_API_URL (GitHub Enterprise Server, tests). */
  readonly url: string;
  readonly token: string;
  /** owner/name */
  readonly repository: string;
  readonly fetch: typeof fetch;
}

export interface CommentResult {
  readonly action: 'created' | 'updated';
  readonly url: string;
}

interface IssueComment {
  readonly id: number;
  readonly body?: string;
  readonly html_url: string;
}

export async function upsertComment(api: GitHubApi, issue: number, markdown: string): Promise<CommentResult> {
  const body = `${COMMENT_MARKER}\n${fitComment(markdown)}`;
  const existing = await findComment(api, issue);
  if (existing) {
    const updated = await request<IssueComment>(api, 'PATCH', `/repos/${api.repository}/issues/comments/${existing.id}`, { body });
    return { action: 'updated', url: updated.html_url };
  }
  const created = await request<IssueComment>(api, 'POST', `/repos/${api.repository}/issues/${issue}/comments`, { body });
  return { action: 'created', url: created.html_url };
}

async function findComment(api: GitHubApi, issue: number): Promise<IssueComment | undefined> {
  for (let page = 1; ; page++) {
    const comments = await request<IssueComment[]>(api, 'GET', `/repos/${api.repository}/issues/${issue}/comments?per_page=${PAGE_SIZE}&page=${page}`);
    const ours = comments.find((c) => c.body?.startsWith(COMMENT_MARKER));
    if (ours) return ours;
    if (comments.length < PAGE_SIZE) return undefined;
  }
}

/** Cuts a body that GitHub would refuse, at a line, saying where the rest is. */
function fitComment(markdown: string): string {
  const room = MAX_COMMENT_LENGTH - COMMENT_MARKER.length - 200;
  if (markdown.length <= room) return markdown;
  const cut = markdown.lastIndexOf('\n', room);
  return `${markdown.slice(0, cut > 0 ? cut : room)}\n\n_The rest is too long for a comment: see the job summary of this run._\n`;
}

async function request<T>(api: GitHubApi, method: string, path: string, body?: unknown): Promise<T> {
  const response = await api.fetch(`${api.url.replace(/\/+$/, '')}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${api.token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'rubrics-as-code-action',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) {
    let message = text.slice(0, 300);
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? message;
    } catch {
      // not JSON: keep the text
    }
    const hint = response.status === 403 || response.status === 404
      ? ' The workflow needs "permissions: pull-requests: write"; a pull request from a fork gets a read-only token.'
      : '';
    throw new Error(`GitHub answered ${response.status} to ${method} ${path}: ${message}.${hint}`);
  }
  return JSON.parse(text) as T;
}
