import * as vscode from 'vscode';
import { parseRevisionUri, REVISION_SCHEME, revisionUri } from './core';

/**
 * What the report preview compares a document with: the version in git HEAD by default, or any
 * branch, tag or commit the user picks (`rubrics.compareWith`). Git is read through VS Code's
 * built-in git extension (`vscode.git`, API version 1); where there is none (the browser, a
 * restricted window, a folder outside git) the comparison is simply absent. The comparison itself
 * is the core's diff, made by the language server: this class only names the other version
 * (a `rubrics-git:` URI) and reads it, and the files it refers to, when the server asks.
 */

/** The few parts of the git extension's API used here (its typings are not published as a package). */
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
  readonly onDidOpenRepository: vscode.Event<unknown>;
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly refs: readonly { readonly name?: string; readonly type: number }[] };
  show(ref: string, path: string): Promise<string>;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

/** Ref types in the git extension's API. */
const HEAD_REF = 0;
const TAG_REF = 2;

export class GitBase implements vscode.Disposable {
  private api: Promise<GitApi | undefined> | undefined;
  private ref: string | undefined = 'HEAD';
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  /** Fires when what the preview compares with changes (another ref, or a repository opened). */
  readonly onDidChange = this.changeEmitter.event;

  /** The other version of a document, when git knows the file and a ref is chosen. */
  async compareWith(document: vscode.TextDocument): Promise<{ uri: string; label: string } | undefined> {
    if (this.ref === undefined || document.uri.scheme !== 'file') return undefined;
    const api = await this.gitApi();
    if (!api?.getRepository(document.uri)) return undefined;
    return { uri: revisionUri(this.ref, document.uri.path.replace(/^\//, '')), label: this.ref };
  }

  /** The text of a `rubrics-git:` URI (the document or a file it refers to, at the ref), or null. */
  async read(uri: string): Promise<string | null> {
    const revision = parseRevisionUri(uri);
    if (!revision) return null;
    const file = vscode.Uri.file(`/${revision.path}`);
    const repository = (await this.gitApi())?.getRepository(file);
    if (!repository) return null;
    try {
      return await repository.show(revision.ref, file.fsPath);
    } catch {
      return null; // not in git at that revision
    }
  }

  /** `rubrics.compareWith`: pick HEAD, a branch, a tag, type any ref, or stop comparing. */
  async pick(document: vscode.TextDocument | undefined): Promise<void> {
    const api = await this.gitApi();
    const repository = document ? api?.getRepository(document.uri) : undefined;
    if (!api || !repository) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The report preview compares with git through VS Code\'s Git extension; open a rubric document of a git repository to choose what to compare with.'));
      return;
    }
    const refs = repository.state.refs.filter((r) => r.name && (r.type === HEAD_REF || r.type === TAG_REF || r.type === 1)).map((r) => r.name as string);
    const other = vscode.l10n.t('Another branch, tag or commit…');
    const stop = vscode.l10n.t('Stop comparing');
    const items: vscode.QuickPickItem[] = [
      { label: 'HEAD', description: vscode.l10n.t('the last commit') },
      ...[...new Set(refs)].sort().map((label) => ({ label })),
      { label: other },
      { label: stop },
    ];
    const chosen = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Compare the report preview with (now: {0})', this.ref ?? vscode.l10n.t('nothing')) });
    if (!chosen) return;
    let ref: string | undefined = chosen.label;
    if (chosen.label === stop) ref = undefined;
    else if (chosen.label === other) {
      ref = (await vscode.window.showInputBox({ prompt: vscode.l10n.t('A branch, tag or commit to compare the preview with'), value: this.ref ?? 'HEAD' }))?.trim();
      if (!ref) return;
    }
    this.ref = ref;
    this.changeEmitter.fire();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private gitApi(): Promise<GitApi | undefined> {
    this.api ??= (async () => {
      const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
      if (!extension) return undefined;
      try {
        const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
        this.disposables.push(api.onDidOpenRepository(() => this.changeEmitter.fire()));
        return api;
      } catch {
        return undefined; // disabled, or a restricted window
      }
    })();
    return this.api;
  }
}

export { REVISION_SCHEME };
