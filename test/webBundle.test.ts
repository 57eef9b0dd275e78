import * as esbuild from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builds, WEB_BUNDLE_LIMIT } from '../esbuild.config.mjs';

/**
 * The web extension (github.dev, vscode.dev) is downloaded on every visit: each of its bundles,
 * built with the project's own settings, stays under 1 MB, and none pulls in Node's modules.
 */
describe('web bundles', () => {
  const web = builds.filter((b) => b.outfile?.startsWith('dist/web/'));

  it('are the extension and its language server', () => {
    expect(web.map((b) => b.outfile).sort()).toEqual(['dist/web/extension.js', 'dist/web/server.js']);
  });

  it.each(web.map((b) => [b.outfile, b] as const))('%s is under 1 MB and needs nothing from Node', async (_name, options) => {
    const result = await esbuild.build({ ...options, absWorkingDir: path.join(__dirname, '..'), write: false, logLevel: 'silent', metafile: true });
    const size = result.outputFiles?.[0]?.contents.byteLength ?? 0;
    expect(size).toBeGreaterThan(100_000);
    expect(size).toBeLessThan(WEB_BUNDLE_LIMIT);
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    expect(inputs.filter((i) => i.startsWith('node:') || /^(fs|path|os|child_process|worker_threads)$/.test(i))).toEqual([]);
  }, 60_000);
});
