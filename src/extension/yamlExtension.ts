import * as vscode from 'vscode';
import { GlobSet } from './core';
import { shownByYamlExtension } from './yamlOwnership';

/**
 * Living next to Red Hat's YAML extension (redhat.vscode-yaml), so that each problem shows once.
 *
 * Red Hat YAML checks the YAML syntax of every YAML file, and the JSON Schema of the files it has
 * a schema for: ours, through the `yamlValidation` contribution (the default `rubrics.files`
 * globs) and through its extension API for the other files that are ours (other globs, or an
 * apiVersion line). While it is active, it owns those problems: syntax, duplicate keys, schema,
 * apiVersion and kind. Rubrics owns everything else: references, scores, plans, evidence, links.
 * The CLI and other editors report both kinds, since no other tool reports either there.
 */
export const RED_HAT_YAML = 'redhat.vscode-yaml';


/** The scheme under which the schemas are served to Red Hat YAML's API. */
const SCHEMA_SCHEME = 'rubrics-schema';
const COMBINED_SCHEMA = 'rubrics.schema.json';

interface YamlExtensionApi {
  registerContributor(schema: string, requestSchema: (resource: string) => string | undefined, requestSchemaContent: (uri: string) => string | undefined, label?: string): boolean;
}

export class RedHatYaml implements vscode.Disposable {
  private active = false;
  /** Documents Red Hat YAML asked about and got our schema for (outside the contributed globs). */
  private readonly served = new Set<string>();
  /** Globs of the `yamlValidation` contribution, where Red Hat YAML has our schema anyway. */
  private readonly contributedGlobs: GlobSet;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extension: vscode.Extension<unknown>,
    private readonly owns: (uri: string) => boolean,
  ) {
    const contributions = (extension.packageJSON as { contributes?: { yamlValidation?: { fileMatch?: string | string[] }[] } }).contributes?.yamlValidation ?? [];
    this.contributedGlobs = new GlobSet(contributions.flatMap((c) => (Array.isArray(c.fileMatch) ? c.fileMatch : c.fileMatch ? [c.fileMatch] : [])));
    this.refresh();
    this.disposables.push(
      vscode.extensions.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('yaml.validate')) this.refresh();
      }),
    );
  }

  /** Offers our schemas to Red Hat YAML for the documents that are ours but outside the contributed globs. */
  async contribute(): Promise<void> {
    const yaml = vscode.extensions.getExtension<YamlExtensionApi>(RED_HAT_YAML);
    if (!yaml) return;
    try {
      const api = yaml.isActive ? yaml.exports : await yaml.activate();
      if (typeof api?.registerContributor !== 'function') return;
      api.registerContributor(
        SCHEMA_SCHEME,
        (resource) => {
          if (!this.owns(resource) || this.inContributedGlobs(resource)) return undefined;
          this.served.add(normalized(resource));
          return `${SCHEMA_SCHEME}://schemas/${COMBINED_SCHEMA}`;
        },
        (uri) => this.schemaText(uri),
        'Rubrics as Code',
      );
    } catch {
      // An older or changed API: the contributed globs still get the schema.
    }
  }

  /** The diagnostics to show for a file: ours, less those Red Hat YAML shows for it already. */
  filter(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    if (!this.active) return diagnostics;
    // Schema problems are left to Red Hat YAML only where it is known to have our schema.
    const schemaThere = this.inContributedGlobs(uri.toString()) || this.served.has(normalized(uri.toString()));
    return diagnostics.filter((d) => !shownByYamlExtension(typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''), schemaThere));
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private refresh(): void {
    const yaml = vscode.extensions.getExtension(RED_HAT_YAML);
    this.active = yaml !== undefined && vscode.workspace.getConfiguration('yaml').get<boolean>('validate', true) !== false;
  }

  private inContributedGlobs(resource: string): boolean {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(resource);
    } catch {
      return false;
    }
    const relative = vscode.workspace.getWorkspaceFolder(uri) ? vscode.workspace.asRelativePath(uri, false) : undefined;
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    // yamlValidation patterns without a slash name files in any folder.
    return this.contributedGlobs.matches(relative, uri.path) || this.contributedGlobs.matches(name, name);
  }

  private schemaText(uri: string): string | undefined {
    const name = /\/([a-z-]+\.schema\.json)$/.exec(uri)?.[1];
    return name ? schemaFiles.get(name) : undefined;
  }
}

/** The schema files as shipped in the extension (filled in by activate). */
const schemaFiles = new Map<string, string>();

export async function loadSchemaFiles(extensionUri: vscode.Uri): Promise<void> {
  for (const name of ['rubrics.schema.json', 'rubric.schema.json', 'assessment.schema.json', 'plan.schema.json', 'common.schema.json']) {
    try {
      schemaFiles.set(name, new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'schemas', name))));
    } catch {
      // A missing file is simply not served; Red Hat YAML then reports the schema as unreadable.
    }
  }
}

function normalized(resource: string): string {
  try {
    return vscode.Uri.parse(resource).toString();
  } catch {
    return resource;
  }
}
