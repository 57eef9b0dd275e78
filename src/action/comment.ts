/**
 * The pull request's one comment from this Action, through GitHub's REST API with the workflow's
 * token: found by a hidden marker in its body *and* by its author, the token's own identity, and
 * edited in place, so a pull request keeps a single, current comment however often it is pushed
 * to. Anyone can copy the marker into a comment of their own; that does not make it ours, and it
 * is never edited.
 */
import { fitMarkdown, MAX_COMMENT_LENGTH } from './core';

export const COMMENT_MARKER = '<!-- rubrics-as-code: score diff -->';
/** Who a workflow's GITHUB_TOKEN writes as; that token may not ask GET /user who it is. */
export const ACTIONS_BOT = 'github-actions[bot]';
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
  /** The comment's address as the API answered it (text from the network: escape it where it is shown). */
  readonly url: string;
}

interface IssueComment {
  readonly id: number;
  readonly body?: string;
  readonly html_url: string;
  readonly user?: { readonly login?: string } | null;
}

export async function upsertComment(api: GitHubApi, issue: number, markdown: string): Promise<CommentResult> {
  const body = `${COMMENT_MARKER}\n${fitMarkdown(markdown, MAX_COMMENT_LENGTH - COMMENT_MARKER.length - 1, 'characters', 'The rest is too long for a comment: see the job summary of this run.')}`;
  const author = await tokenIdentity(api);
  const existing = await findComment(api, issue, author);
  if (existing) {
    const updated = await request<IssueComment>(api, 'PATCH', `/repos/${api.repository}/issues/comments/${existing.id}`, { body });
    return { action: 'updated', url: String(updated.html_url) };
  }
  const created = await request<IssueComment>(api, 'POST', `/repos/${api.repository}/issues/${issue}/comments`, { body });
  return { action: 'created', url: String(created.html_url) };
}

/**
 * The login the token writes as: GET /user answers for a personal or a GitHub App user token; a
 * workflow's GITHUB_TOKEN (an installation token) may not ask, and writes as github-actions[bot].
 */
async function tokenIdentity(api: GitHubApi): Promise<string> {
  try {
    const user = await request<{ login?: unknown }>(api, 'GET', '/user');
    if (typeof user.login === 'string' && user.login !== '') return user.login;
  } catch {
    // not allowed to ask: the Actions bot
  }
  return ACTIONS_BOT;
}

/** The first comment that carries the marker and was written by `author`; a marker in anyone else's comment is not ours. */
async function findComment(api: GitHubApi, issue: number, author: string): Promise<IssueComment | undefined> {
  for (let page = 1; ; page++) {
    const comments = await request<IssueComment[]>(api, 'GET', `/repos/${api.repository}/issues/${issue}/comments?per_page=${PAGE_SIZE}&page=${page}`);
    if (!Array.isArray(comments)) return undefined;
    const ours = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(COMMENT_MARKER) && c.user?.login === author);
    if (ours) return ours;
    if (comments.length < PAGE_SIZE) return undefined;
  }
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
      message = String((JSON.parse(text) as { message?: unknown }).message ?? message).slice(0, 300);
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
