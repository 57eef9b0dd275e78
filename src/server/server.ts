import { CodeActionKind, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { DocumentChecks } from './checks';
import { DocumentStore } from './documentStore';
import { NO_FILES, type FileSource } from './files';
import { registerAnswers } from './handlers/answers';
import { registerCodeActions } from './handlers/codeActions';
import { registerCodeLens } from './handlers/codeLens';
import { registerCommands } from './handlers/commands';
import { registerCompletion } from './handlers/completion';
import { DiagnosticsPublisher } from './handlers/diagnostics';
import { registerDocumentSync } from './handlers/documents';
import { registerHover } from './handlers/hover';
import { registerNavigation, type BuiltinFileFinder } from './handlers/navigation';
import { registerPortfolio } from './handlers/portfolio';
import { registerPreview } from './handlers/preview';
import { registerSummary } from './handlers/summary';
import { registerSymbols } from './handlers/symbols';
import { WorkspaceHandlers } from './handlers/workspace';
import { SERVER_COMMANDS } from './protocol';
import { ClientSession } from './session';
import { WorkspaceScan } from './workspaceScan';

export interface ServerOptions {
  /** Where files that are not open are read from when the client does not read them (the CLI's server reads the disk). */
  readonly files?: FileSource;
  /**
   * A file an editor can open with the very text of a built-in rubric (the CLI's npm package ships
   * them as frameworks/*.rubric.yaml), by its file name; undefined when there is none. Without it
   * (VS Code, which opens the rubrics-builtin: scheme itself) or without a file, locations in a
   * built-in rubric keep their rubrics-builtin: URI, whose text `rubrics/builtinText` answers.
   */
  readonly builtinFile?: BuiltinFileFinder;
}

/**
 * The Rubrics language server: the same engine as the CLI behind standard LSP (diagnostics as you
 * type and for the workspace's files, completion with snippets, hover, definition, CodeLens,
 * quick fixes, outline) plus the report and summaries the VS Code preview asks for. One instance
 * serves one editor window, over any transport (a worker thread, a Web Worker, stdio).
 *
 * This is where the parts meet: the document store (what is open, what is ours, the analyses),
 * the checks and their scheduler, the workspace scan, and one module per feature in handlers/,
 * each registering its own requests on the connection.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const session = new ClientSession();
  const store = new DocumentStore(options.files ?? NO_FILES);
  const context = { connection, session, store };

  // The scan checks files through the checks, which tell it when a first rubric document opens
  // (the scan may be waiting for one): hence the function that reaches `checks` once it exists.
  const scan: WorkspaceScan = new WorkspaceScan(context, (uri) => checks.checkClosedFile(uri));
  const checks = new DocumentChecks(context, {
    diagnostics: new DiagnosticsPublisher(connection),
    status: registerSummary(context),
    portfolio: registerPortfolio(context, scan),
    documentOwned: () => scan.documentOwned(),
  });
  const workspace = new WorkspaceHandlers(context, checks, scan);

  connection.onInitialize((params) => {
    workspace.initialize(params);
    return offered();
  });
  connection.onInitialized(() => void workspace.initialized());
  workspace.register();
  registerDocumentSync(context, checks);
  registerCompletion(context);
  registerHover(context);
  registerNavigation(context, options.builtinFile);
  registerSymbols(context);
  registerCodeLens(context);
  registerCodeActions(context);
  registerCommands(context, () => workspace.checkAgain());
  registerPreview(context);
  registerAnswers(context);
  connection.listen();
}

/**
 * What the server offers every client (what it sends each one follows that client's capabilities,
 * ClientSession). A new object each time: the library adds to the one it is given.
 */
function offered(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '[', '/'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: { label: 'Rubrics' },
      codeLensProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      executeCommandProvider: { commands: [SERVER_COMMANDS.addMissingDimensions, SERVER_COMMANDS.revalidateWorkspace] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'rubrics-language-server' },
  };
}
