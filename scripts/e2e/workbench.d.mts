// Types for workbench.mjs (the Playwright page objects over VS Code's workbench).
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import type { CodeServer } from './codeServer.mjs';

export declare const screenshotDir: string;

export declare function until<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options?: { timeout?: number; interval?: number; message?: string }): Promise<T>;

export interface Problem {
  file: string | undefined;
  severity: 'error' | 'warning' | 'information';
  message: string;
  source: string;
  code: string;
  /** 1-based, as VS Code shows it. */
  line: number | undefined;
  column: number | undefined;
}

export declare class Workbench {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly server: CodeServer;
  readonly pageErrors: string[];
  static open(server: CodeServer, options?: { viewport?: { width: number; height: number } }): Promise<Workbench>;
  close(): Promise<void>;
  openFile(relativePath: string): Promise<void>;
  activeTab(name: string): Promise<Locator>;
  activeEditor(): Locator;
  focusEditor(): Promise<void>;
  runCommand(title: string, options?: { timeout?: number }): Promise<void>;
  hasCommand(title: string): Promise<boolean>;
  goTo(line: number, column?: number): Promise<void>;
  cursorPosition(): Promise<{ line: number; column: number }>;
  insertText(text: string): Promise<void>;
  type(text: string): Promise<void>;
  press(keys: string): Promise<void>;
  replaceText(search: string, replacement: string): Promise<void>;
  selectText(search: string): Promise<void>;
  saveAndRead(relativePath: string): Promise<string>;
  visibleText(): Promise<string>;
  showProblems(): Promise<Locator>;
  /** Sets the Problems filter to one file (a path relative to the workspace), or clears it. */
  filterProblems(file?: string): Promise<Locator>;
  problems(options?: { file?: string }): Promise<Problem[]>;
  waitForProblems(predicate: (problems: Problem[]) => boolean, options?: { file?: string; timeout?: number; message?: string }): Promise<Problem[]>;
  hover(lineText: string, token: string, options?: { occurrence?: number; expect?: RegExp }): Promise<string>;
  codeLenses(): Promise<string[]>;
  waitForCodeLenses(predicate: (lenses: string[]) => boolean, options?: { timeout?: number; message?: string }): Promise<string[]>;
  quickFixes(): Promise<string[]>;
  applyQuickFix(title: string): Promise<void>;
  suggestions(options?: { expect?: RegExp }): Promise<string[]>;
  webviewContentFrames(): Frame[];
  webview(selector: string, options?: { timeout?: number }): Promise<Frame>;
  statusBarItem(id: string): Promise<{ text: string; label: string | null } | undefined>;
  statusBarItemsMatching(pattern: RegExp): Promise<{ id: string; text: string; label: string }[]>;
  waitForRubricsStatus(pattern: RegExp, options?: { timeout?: number }): Promise<boolean>;
  waitForRestrictedMode(): Promise<boolean>;
  screenshot(name: string): Promise<string>;
}
