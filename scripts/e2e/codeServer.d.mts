// Types for codeServer.mjs (plain JavaScript so that `npm run demo` runs on Node without a build).
export { cacheDir, codeServerEntry, node24, repoRoot, stateDir } from './paths.mjs';
export declare const baseUserSettings: Readonly<Record<string, unknown>>;
export declare const gitUserSettings: Readonly<Record<string, unknown>>;
export declare const windowUserSettings: Readonly<Record<string, unknown>>;
export declare function extensionVsixPath(): string;
export declare function assertInstalled(): void;
export declare function freePort(): Promise<number>;

export interface StartOptions {
  /** Folder to open. */
  workspace: string;
  /** .vsix files to install before the start. */
  extensions?: string[];
  /** Leave Workspace Trust on, so the folder opens in restricted mode. */
  trust?: boolean;
  /** User settings on top of baseUserSettings. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and its extension host. */
  env?: Record<string, string>;
  port?: number;
  host?: string;
  name?: string;
  runDir?: string;
  quiet?: boolean;
}

export interface CodeServer {
  readonly runDir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly tmpDir: string;
  readonly configFile: string;
  readonly logFile: string;
  readonly pid: number;
  readonly port: number;
  readonly baseUrl: string;
  readonly workspace: string;
  readonly folderUrl: string;
  /** Stops the server; a test run's directory is deleted unless `keep` (or RUBRICS_E2E_KEEP=1). */
  stop(options?: { keep?: boolean }): Promise<void>;
  log(): string;
}

export declare function installExtension(run: { userDataDir: string; extensionsDir: string; tmpDir: string; configFile: string }, vsix: string): void;
export declare function startCodeServer(options: StartOptions): Promise<CodeServer>;
export declare function stopGroup(pid: number): Promise<void>;
