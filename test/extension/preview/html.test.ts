import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/core/render/html/escape';
import { contentSecurityPolicy, shellKey } from '../../../src/core/render/html/page';
import { createNonce, MESSAGE_SHELL_KEY, messagePage } from '../../../src/extension/preview/html';
import { classifyLink } from '../../../src/extension/preview/links';
import { PREVIEW_RESOURCE_FOLDERS, PREVIEW_SCRIPT_PATH, PREVIEW_WEBVIEW_OPTIONS } from '../../../src/extension/preview/options';
import { reportFileName, temporarySiblingName } from '../../../src/extension/preview/exportNaming';

/** What `webview.cspSource` is in VS Code 1.139 (measured in code-server): a keyword and an origin. */
const CSP_SOURCE = "'self' https://*.vscode-cdn.net";
const CSP_SOURCES = new Set(CSP_SOURCE.split(' '));
const RESOURCE_ORIGIN = 'https://file+.vscode-resource.vscode-cdn.net';
const SCRIPT = `${RESOURCE_ORIGIN}/ext/dist/webview/preview.js`;

/** The policy a page declares in its <meta http-equiv="Content-Security-Policy">, as directive → sources. */
function declaredPolicy(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  if (content === undefined) throw new Error('no Content-Security-Policy meta tag');
  const decoded = content.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return new Map(decoded.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name as string, sources]));
}

describe('nonces', () => {
  it('are long, alphanumeric and different every time', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9]{16,32}$/);
  });
});

describe('content security policy (the one builder of every page, src/core/render/html/page.ts)', () => {
  const policy = new Map(contentSecurityPolicy('webview', { nonce: 'abc12345', cspSource: CSP_SOURCE }, 'body{}').split('; ').map((d) => {
    const [name, ...sources] = d.split(' ');
    return [name as string, sources];
  }));

  it('denies everything not listed', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('runs only scripts that carry the nonce', () => {
    expect(policy.get('script-src')).toEqual(["'nonce-abc12345'"]);
  });

  it('allows no remote origin, no inline code and no eval', () => {
    const all = [...policy.values()].flat() as string[];
    expect(all.filter((s) => /^(https?:|\*|'unsafe-)/.test(s) && !CSP_SOURCES.has(s))).toEqual([]);
    expect(all).not.toContain("'unsafe-inline'");
    expect(all).not.toContain("'unsafe-eval'");
  });
});

describe('message pages', () => {
  const page = messagePage({
    nonce: 'n0nce123',
    cspSource: CSP_SOURCE,
    scriptUri: SCRIPT,
    heading: 'The report of <plan>.yaml could not be rendered',
    paragraphs: ['Fix "this" & that'],
    detail: '<img src=x onerror=alert(1)>',
  });

  it('escape every piece of text', () => {
    expect(page).not.toContain('<plan>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('Fix &quot;this&quot; &amp; that');
  });

  it('declare the strict policy with this page’s nonce, and load only the preview script', () => {
    const policy = declaredPolicy(page);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'nonce-n0nce123'"]);
    const scripts = [...page.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts).toEqual([` nonce="n0nce123" src="${SCRIPT}"`]);
    const styles = [...page.matchAll(/<style\b([^>]*)>/g)].map((m) => m[1]);
    expect(styles).toEqual([' nonce="n0nce123"']);
  });

  it('load nothing from the network', () => {
    const urls = [...page.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls.every((u) => u?.startsWith(RESOURCE_ORIGIN))).toBe(true);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('page shells', () => {
  it('have a key that changes with the style sheet and the mode, and never matches a message page', () => {
    expect(shellKey('webview', 'body{}')).toBe(shellKey('webview', 'body{}'));
    expect(shellKey('webview', 'body{}')).not.toBe(shellKey('webview', 'body{color:red}'));
    expect(shellKey('webview', 'body{}')).not.toBe(shellKey('standalone', 'body{}'));
    expect(MESSAGE_SHELL_KEY).not.toBe(shellKey('webview', 'body{}'));
  });
});

describe('webview options', () => {
  it('load local files only from the bundled webview code and the media folder', () => {
    expect(PREVIEW_RESOURCE_FOLDERS.map((segments) => segments.join('/'))).toEqual(['dist/webview', 'media']);
    expect(PREVIEW_SCRIPT_PATH.join('/')).toBe('dist/webview/preview.js');
    expect(PREVIEW_SCRIPT_PATH.join('/').startsWith(`${PREVIEW_RESOURCE_FOLDERS[0]!.join('/')}/`)).toBe(true);
  });

  it('enable scripts but not forms or command links', () => {
    expect(PREVIEW_WEBVIEW_OPTIONS.enableScripts).toBe(true);
    expect(PREVIEW_WEBVIEW_OPTIONS.enableForms).toBe(false);
    expect(PREVIEW_WEBVIEW_OPTIONS.enableCommandUris).toBe(false);
  });
});

describe('links in the report', () => {
  const doc = 'file:///ws/assessments/kestrel-2026.assessment.yaml';

  it('sends web and mail addresses to the system', () => {
    expect(classifyLink('https://wiki.example.com/it/catalogue', doc)).toEqual({ kind: 'external', uri: 'https://wiki.example.com/it/catalogue' });
    expect(classifyLink('mailto:cio@example.com', doc)).toEqual({ kind: 'external', uri: 'mailto:cio@example.com' });
    expect(classifyLink('//wiki.example.com/x', doc)).toEqual({ kind: 'external', uri: 'https://wiki.example.com/x' });
  });

  it('opens relative paths next to the document', () => {
    expect(classifyLink('./evidence/catalogue.md', doc)).toEqual({ kind: 'workspace', uri: 'file:///ws/assessments/evidence/catalogue.md' });
    expect(classifyLink('../minutes/2026-03 board.pdf#page=2', doc)).toEqual({ kind: 'workspace', uri: 'file:///ws/minutes/2026-03%20board.pdf', fragment: 'page=2' });
    expect(classifyLink('evidence\\sla.xlsx', doc)).toEqual({ kind: 'workspace', uri: 'file:///ws/assessments/evidence/sla.xlsx' });
  });

  it('resolves relative paths in virtual workspaces too', () => {
    expect(classifyLink('./evidence/a.md', 'vscode-vfs://github/acme/plans/kestrel.assessment.yaml')).toEqual({ kind: 'workspace', uri: 'vscode-vfs://github/acme/plans/evidence/a.md' });
  });

  it.each([
    ['javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    [' JAVASCRIPT:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['command:workbench.action.terminal.new'],
    ['vscode://some.extension/run'],
    ['file:///etc/passwd'],
  ])('refuses %j', (href) => {
    expect(classifyLink(href, doc).kind).toBe('refused');
  });

  it('refuses absolute machine paths and explains why', () => {
    const drive = classifyLink('C:\\evidence\\x.pdf', doc);
    expect(drive.kind).toBe('refused');
    expect(drive.kind === 'refused' && drive.reason).toMatch(/absolute path/);
    expect(classifyLink('\\\\server\\share\\x.pdf', doc).kind).toBe('refused');
  });

  it('cannot resolve relative links of an unsaved file', () => {
    const result = classifyLink('./evidence/a.md', 'untitled:Untitled-1');
    expect(result.kind === 'refused' && result.reason).toMatch(/Save the file/);
  });
});

describe('export file names', () => {
  it('replaces the YAML extension with .report.md or .report.html', () => {
    expect(reportFileName('kestrel-2026.assessment.yaml', 'markdown')).toBe('kestrel-2026.assessment.report.md');
    expect(reportFileName('roadmap.plan.YML', 'html')).toBe('roadmap.plan.report.html');
    expect(reportFileName('Untitled-1', 'markdown')).toBe('Untitled-1.report.md');
    expect(reportFileName('.yaml', 'html')).toBe('report.report.html');
  });

  it('writes through a hidden temporary sibling', () => {
    expect(temporarySiblingName('plan.report.md', 'ab12')).toBe('.plan.report.md.ab12.tmp');
  });
});
