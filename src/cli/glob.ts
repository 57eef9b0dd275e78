/**
 * A small glob matcher for file arguments (`**\/*.yaml`, `samples/**\/*.assessment.yaml`,
 * `{rubrics,plans}/*.yml`), so the tool needs no glob dependency and behaves the same whether or
 * not the shell expanded the pattern. Supported: `*` and `?` within a segment, `**` across
 * segments, `[abc]`, `[a-z]`, `[!x]` classes and `{a,b}` alternatives. As in shells, wildcards do
 * not match a leading dot, so `**` does not wander into `.git` or `.cache`.
 */

const MAGIC = /[*?[\]{}]/;
const MAX_BRACE_EXPANSIONS = 256;

export function hasGlobMagic(text: string): boolean {
  return MAGIC.test(text);
}

export interface GlobPattern {
  /** The leading segments without wildcards: the directory to search from ("" for the current one). */
  readonly base: string;
  /** Matches a path relative to `base`, with forward slashes. */
  readonly matcher: RegExp;
  /** How deep below `base` a match can be (Infinity with `**`). */
  readonly maxDepth: number;
}

/** Parses a pattern (forward slashes; backslashes escape) into one matcher per brace alternative. */
export function parseGlob(pattern: string): GlobPattern[] {
  return expandBraces(pattern).map(parseSingle);
}

export function matchesGlob(pattern: string, path: string): boolean {
  return parseGlob(pattern).some((g) => {
    const prefix = g.base === '' ? '' : `${g.base.replace(/\/$/, '')}/`;
    if (prefix && !path.startsWith(prefix)) return false;
    return g.matcher.test(path.slice(prefix.length));
  });
}

function parseSingle(pattern: string): GlobPattern {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s) => s !== '' && s !== '.');
  const firstMagic = segments.findIndex((s) => hasGlobMagic(s));
  const literal = firstMagic < 0 ? segments : segments.slice(0, firstMagic);
  const rest = firstMagic < 0 ? [] : segments.slice(firstMagic);
  const base = (absolute ? '/' : '') + literal.map(unescape).join('/');
  if (rest.length === 0) {
    // No wildcard at all: the pattern names one path, matched against the last segment.
    const last = literal.pop();
    return { base: (absolute ? '/' : '') + literal.map(unescape).join('/'), matcher: new RegExp(`^${escapeRegExp(unescape(last ?? ''))}$`), maxDepth: 1 };
  }
  let source = '^';
  rest.forEach((segment, i) => {
    const last = i === rest.length - 1;
    if (segment === '**') source += last ? '(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?' : '(?:(?!\\.)[^/]*/)*';
    else source += segmentSource(segment) + (last ? '' : '/');
  });
  source += '$';
  return { base, matcher: new RegExp(source), maxDepth: rest.includes('**') ? Infinity : rest.length };
}

/** One path segment: `*`, `?`, classes and escapes; a leading wildcard never matches a dot. */
function segmentSource(segment: string): string {
  let out = /^[*?[]/.test(segment) ? '(?!\\.)' : '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] as string;
    if (ch === '\\' && i + 1 < segment.length) {
      out += escapeRegExp(segment[++i] as string);
    } else if (ch === '*') {
      out += '[^/]*';
      while (segment[i + 1] === '*') i++;
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, (c) => `\\${c}`)}]`;
      i = close;
    } else {
      out += escapeRegExp(ch);
    }
  }
  return out;
}

/** `a{b,c}d` → `abd`, `acd`; nested braces work; a brace without a comma stays literal. */
export function expandBraces(pattern: string): string[] {
  const results: string[] = [];
  const queue = [pattern];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    const group = findBraceGroup(current);
    if (!group) {
      results.push(current);
      continue;
    }
    for (const alternative of group.alternatives) {
      queue.push(current.slice(0, group.start) + alternative + current.slice(group.end + 1));
      if (queue.length + results.length > MAX_BRACE_EXPANSIONS) throw new Error(`The pattern "${pattern}" expands to more than ${MAX_BRACE_EXPANSIONS} alternatives.`);
    }
  }
  return results;
}

function findBraceGroup(text: string): { start: number; end: number; alternatives: string[] } | undefined {
  for (let start = 0; start < text.length; start++) {
    if (text[start] === '\\') {
      start++;
      continue;
    }
    if (text[start] !== '{') continue;
    let depth = 0;
    let last = start + 1;
    const alternatives: string[] = [];
    for (let i = start; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === '{') depth++;
      else if (ch === '}') {
        depth--;
        if (depth === 0) {
          if (alternatives.length === 0) break; // "{x}" has no alternatives: literal braces
          alternatives.push(text.slice(last, i));
          return { start, end: i, alternatives };
        }
      } else if (ch === ',' && depth === 1) {
        alternatives.push(text.slice(last, i));
        last = i + 1;
      }
    }
  }
  return undefined;
}

function unescape(segment: string): string {
  return segment.replace(/\\(.)/g, '$1');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
