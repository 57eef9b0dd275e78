// A page-object layer over VS Code's workbench in the browser (code-server), driven with
// playwright-core and Debian's Chromium. Tests speak in VS Code terms — open a file, read the
// Problems panel, run a command, read the preview — and this file keeps the DOM details in one
// place. Every wait is for a condition; nothing sleeps for a fixed time.
/* global document, NodeFilter, getComputedStyle -- inside page.evaluate callbacks, which run in the browser */
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { repoRoot } from './codeServer.mjs';

export const screenshotDir = path.join(repoRoot, 'test-results', 'e2e');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

/** Polls `probe` until it returns a truthy value (which it returns) or the timeout passes. */
export async function until(probe, { timeout = 30_000, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError ? ` (last error: ${String(lastError.message ?? lastError).split('\n')[0]})` : last !== undefined ? ` (last value: ${JSON.stringify(last)})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${message}${detail}`);
    }
    await delay(interval);
  }
}

/** Parses "[Ln 12, Col 5]" from a Problems row. */
function parseLineColumn(text) {
  const match = /Ln\s+(\d+),\s*Col\s+(\d+)/.exec(text ?? '');
  return match ? { line: Number(match[1]), column: Number(match[2]) } : { line: undefined, column: undefined };
}

export class Workbench {
  constructor(context, page, server) {
    this.context = context;
    this.page = page;
    this.server = server;
    this.pageErrors = [];
  }

  /** Launches Chromium with a fresh profile and opens the server's workspace folder. */
  static async open(server, { viewport = { width: 1600, height: 1000 } } = {}) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-e2e-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const workbench = new Workbench(context, page, server);
    workbench.profile = profile;
    page.on('pageerror', (error) => workbench.pageErrors.push(error.message));
    await page.goto(server.folderUrl, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The Explorer lists the folder once the remote file system and the workbench are up.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
    return workbench;
  }

  async close() {
    await this.context.close().catch(() => {});
    if (this.profile) fs.rmSync(this.profile, { recursive: true, force: true });
  }

  // ---------------------------------------------------------------- quick input, commands, files

  /** Opens a file of the workspace by its relative path with Quick Open (Ctrl+P). */
  async openFile(relativePath) {
    const name = path.basename(relativePath);
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press(`${mod}+P`);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(relativePath);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await row.waitFor();
    await until(async () => (await this.page.locator('.quick-input-list .monaco-list-row').first().getAttribute('aria-label'))?.includes(name),
      { message: `Quick Open to list ${relativePath} first` });
    await this.page.keyboard.press('Enter');
    await this.activeTab(name);
    await this.activeEditor().locator('.view-lines').waitFor();
    await this.focusEditor();
  }

  /** Waits for the active editor tab to be the named one. */
  async activeTab(name) {
    const tab = this.page.locator('.tabs-container .tab.active', { hasText: name }).first();
    await tab.waitFor({ timeout: 30_000 });
    return tab;
  }

  /** The text editor of the active editor group. */
  activeEditor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Gives keyboard focus to the active text editor (without clicking, which could move the cursor). */
  async focusEditor() {
    const editor = this.activeEditor();
    const focused = () => editor.evaluate((el) => el.classList.contains('focused'));
    if (await focused()) return;
    // VS Code 1.139 edits through an EditContext element; older builds through a hidden textarea.
    await editor.locator('.native-edit-context, textarea.inputarea').first().focus();
    if (await focused()) return;
    // Focus held by another part (a panel's input box) is not always given up to a DOM focus() call.
    await this.runCommand('View: Focus Active Editor Group');
    await until(focused, { timeout: 10_000, message: 'the editor to have keyboard focus' });
  }

  /**
   * Runs a command from the Command Palette by its title as shown there (e.g. "Rubrics: Open
   * Report Preview to the Side"). A command whose `when` clause depends on state the extension
   * sets a moment later (a context key) shows up once that state is there, so the palette is
   * reopened until the command is listed.
   */
  async runCommand(title, { timeout = 30_000 } = {}) {
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await until(async () => {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press(`${mod}+Shift+P`);
      const input = this.page.locator('.quick-input-widget input');
      // Each attempt is short, so that a palette that did not take the keys (focus still in a
      // webview that was starting) is closed and opened again within the timeout, not waited on.
      await input.waitFor({ state: 'visible', timeout: 3_000 });
      await input.fill(`>${title}`, { timeout: 3_000 });
      return row.waitFor({ timeout: 3_000 }).then(() => true, () => false);
    }, { timeout, interval: 0, message: `the command "${title}" in the Command Palette` });
    await row.click();
    // The palette closes, or turns into the command's own picker (no ">" prefix any more).
    const widget = this.page.locator('.quick-input-widget');
    await until(async () => !(await widget.isVisible()) || !(await widget.locator('input').inputValue()).startsWith('>'),
      { timeout: 10_000, message: `the Command Palette to run "${title}"` });
  }

  /** Whether the Command Palette offers a command with this title. */
  async hasCommand(title) {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press(`${mod}+Shift+P`);
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(`>${title}`, { timeout: 10_000 });
    const found = await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first()
      .waitFor({ timeout: 5_000 }).then(() => true, () => false);
    await this.page.keyboard.press('Escape');
    return found;
  }

  /** Moves the cursor to a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line, column = 1) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`); // Go to Line is Quick Open with a ":" prefix
    await this.page.keyboard.press('Enter');
    await until(async () => (await this.cursorPosition()).line === line && (await this.cursorPosition()).column === column,
      { message: `the cursor at ${line}:${column}` });
    // Go to Line moves the cursor as a preview while its box is still open, so the position alone
    // does not say that Enter was handled. A key pressed before the box has closed and handed
    // focus back goes to the box, not the editor: wait for both.
    await input.waitFor({ state: 'hidden' });
    await until(() => this.activeEditor().evaluate((el) => el.classList.contains('focused')), { timeout: 10_000, message: 'the editor to have focus after Go to Line' });
  }

  /** The cursor position from the status bar ("Ln 3, Col 7"). */
  async cursorPosition() {
    const text = await this.page.locator('#status\\.editor\\.selection').innerText();
    const match = /Ln\s+(\d+),\s*Col\s+(\d+)/.exec(text);
    return match ? { line: Number(match[1]), column: Number(match[2]) } : { line: 0, column: 0 };
  }

  /** Inserts text at the cursor as one edit (no auto-indent, no auto-closing), like a paste. */
  async insertText(text) {
    await this.page.keyboard.insertText(text);
  }

  /** Types text key by key, with the editor's typing behaviour (suggestions, auto-closing). */
  async type(text) {
    await this.page.keyboard.type(text);
  }

  async press(keys) {
    await this.page.keyboard.press(keys);
  }

  /**
   * Selects the first match of `search` at or after the cursor with the Find widget and replaces
   * it by typing, so the change goes through the editor like a user's.
   */
  async replaceText(search, replacement) {
    await this.selectText(search);
    await this.page.keyboard.insertText(replacement);
  }

  /** Selects the next occurrence of `search` (Find widget, then Escape keeps the selection). */
  async selectText(search) {
    await this.focusEditor();
    await this.page.keyboard.press(`${mod}+F`);
    const find = this.page.locator('.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input').first();
    await find.waitFor({ state: 'visible' });
    await find.fill(search);
    await until(async () => /\b1 of|of \d+/.test(await this.page.locator('.editor-group-container.active .find-widget .matchesCount').innerText()),
      { message: `"${search}" to be found in the editor` });
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
    await this.page.locator('.editor-group-container.active .find-widget.visible').waitFor({ state: 'hidden' }).catch(() => {});
  }

  /** Saves the active editor and returns the file's text from disk. */
  async saveAndRead(relativePath) {
    await this.focusEditor();
    await this.page.keyboard.press(`${mod}+S`);
    const tab = this.page.locator('.tabs-container .tab.active').first();
    await until(async () => !(await tab.getAttribute('class')).includes('dirty'), { message: 'the editor to be saved' });
    return fs.readFileSync(path.join(this.server.workspace, relativePath), 'utf8');
  }

  /** Text of the lines currently rendered in the active editor (what is on screen). */
  async visibleText() {
    const lines = await this.activeEditor().locator('.view-lines .view-line').evaluateAll((els) =>
      els.map((el) => ({ top: parseFloat(el.style.top || '0'), text: (el.textContent ?? '').replace(/\u00a0/g, ' ') })));
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text).join('\n');
  }

  // ---------------------------------------------------------------- Problems panel

  /** Opens the Problems panel (Ctrl+Shift+M) and returns its locator. */
  async showProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press(`${mod}+Shift+M`);
    }
    await panel.waitFor({ state: 'visible' });
    return panel;
  }

  /**
   * Sets the Problems panel's filter. With `file`, only that file's problems are listed (a glob on
   * its path), so a workspace with many files does not push them out of the virtualized list.
   */
  async filterProblems(file) {
    const panel = await this.showProblems();
    const input = this.page.locator('#workbench\\.parts\\.panel .viewpane-filter input').first();
    const wanted = file ? `**/${file}` : '';
    if ((await input.inputValue()) !== wanted) {
      await input.fill(wanted);
      await input.press('Enter');
      // The list filters a moment later; reading it before would see (and scroll through) every file's rows.
      const list = panel.locator('.monaco-list').first();
      await until(async () => {
        const label = (await list.getAttribute('aria-label')) ?? '';
        const headers = await list.locator('.monaco-list-row[aria-level="1"] .label-name').allInnerTexts();
        return wanted ? / of \d+/.test(label) && headers.every((h) => h.trim() === path.basename(file)) : !/ of \d+/.test(label);
      }, { timeout: 5_000, message: `the Problems filter "${wanted}" to apply` }).catch(() => undefined);
    }
    return panel;
  }

  /**
   * Reads the problem rows of the Problems panel (all files, or only `file`'s): severity,
   * message, source, code and the 1-based line and column VS Code shows. The list is
   * virtualized, so it scrolls to collect every row.
   */
  async problems({ file } = {}) {
    const panel = await this.filterProblems(file);
    const list = panel.locator('.monaco-list').first();
    const rows = new Map();
    const fileOfRow = new Map();
    const collect = async () => {
      const found = await list.locator('.monaco-list-row').evaluateAll((els) => els.map((el) => ({
        index: Number(el.getAttribute('data-index')),
        level: el.getAttribute('aria-level'),
        severity: el.querySelector('.marker-icon')?.className.replace('marker-icon', '').trim() ?? '',
        message: el.querySelector('.marker-message')?.textContent ?? '',
        source: el.querySelector('.marker-source')?.textContent ?? '',
        code: el.querySelector('.marker-code')?.textContent ?? '',
        position: el.querySelector('.marker-line')?.textContent ?? '',
        fileName: el.querySelector('.label-name')?.textContent ?? '',
      })));
      for (const row of found) {
        if (row.level === '1') fileOfRow.set(row.index, row.fileName);
        else if (row.level === '2') rows.set(row.index, row);
      }
    };
    await collect();
    // "Showing 61 problems", or "Showing 2 of 61 problems" with a filter.
    const total = Number(/Showing (\d+)/.exec((await list.getAttribute('aria-label')) ?? '')?.[1] ?? 0);
    if (rows.size < total) {
      await list.locator('.monaco-scrollable-element').first().hover();
      for (let guard = 0; rows.size < total && guard < 500; guard++) {
        await this.page.mouse.wheel(0, 150);
        await collect();
      }
    }
    const fileStarts = [...fileOfRow.keys()].sort((a, b) => a - b);
    const rowsRead = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([index, row]) => {
      const header = fileStarts.filter((start) => start < index).pop();
      return {
        file: header === undefined ? undefined : fileOfRow.get(header),
        severity: row.severity.includes('error') ? 'error' : row.severity.includes('warning') ? 'warning' : 'information',
        message: row.message.trim(),
        source: row.source.trim(),
        code: row.code.trim(),
        ...parseLineColumn(row.position),
      };
    });
    return file ? rowsRead.filter((row) => row.file === path.basename(file)) : rowsRead;
  }

  /** Waits until the Problems panel's rows satisfy `predicate` and returns them. */
  async waitForProblems(predicate, { file, timeout = 60_000, message = 'the expected problems' } = {}) {
    let last = [];
    try {
      return await until(async () => {
        last = await this.problems({ file });
        return predicate(last) ? last : undefined;
      }, { timeout, interval: 250, message });
    } catch (error) {
      error.message += `\nProblems panel showed:\n${last.map((p) => `  ${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`).join('\n')}`;
      throw error;
    }
  }

  // ---------------------------------------------------------------- hovers, CodeLens, quick fixes

  /**
   * Moves the mouse over the `occurrence`-th rendered token whose text contains `token` on the
   * line that contains `lineText`, and returns the hover's text once it shows.
   */
  async hover(lineText, token, { occurrence = 0, expect } = {}) {
    const line = this.activeEditor().locator('.view-lines .view-line', { hasText: lineText }).first();
    await line.waitFor();
    const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
    const tokenCentre = () => line.evaluate((el, { token, occurrence }) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.replace(/\u00a0/g, ' ');
        let at = text.indexOf(token);
        while (at >= 0) {
          if (seen++ === occurrence) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + token.length);
            const rect = range.getBoundingClientRect();
            return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
          }
          at = text.indexOf(token, at + 1);
        }
      }
      return undefined;
    }, { token, occurrence });
    // Each attempt leaves the token and comes back, which is what makes VS Code show a hover. The
    // token is measured just before the mouse returns and again once it is there: lines move when
    // CodeLens rows are inserted above them, and a mouse left over a lens instead of the token
    // waits for a hover that never comes.
    let lastSeen = '';
    const measured = async () => {
      const centre = await tokenCentre();
      if (!centre) throw new Error(`"${token}" is not on the rendered line containing "${lineText}"`);
      return centre;
    };
    return until(async () => {
      const away = await measured();
      await this.page.mouse.move(away.x, away.y + 400);
      await hover.waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => {});
      const centre = await measured();
      await this.page.mouse.move(centre.x, centre.y, { steps: 4 });
      const now = await measured();
      if (Math.abs(now.x - centre.x) > 2 || Math.abs(now.y - centre.y) > 2) return undefined; // moved under the mouse: again
      return until(async () => {
        if (!(await hover.isVisible())) return undefined;
        const text = (await hover.innerText()).trim();
        if (text) lastSeen = text;
        if (!text || /^Loading/.test(text)) return undefined;
        if (expect && !expect.test(text)) return undefined;
        return text;
      }, { timeout: 4_000, message: 'the hover' }).catch(() => undefined);
    }, { timeout: 30_000, interval: 0, message: `a hover over "${token}"${expect ? ` matching ${expect}` : ''}` }).catch((error) => {
      error.message += lastSeen ? `; the last hover showed: ${JSON.stringify(lastSeen.slice(0, 300))}` : '; no hover showed at all';
      throw error;
    });
  }

  /** Texts of the CodeLens items on screen in the active editor, top to bottom. */
  async codeLenses() {
    const lenses = await this.activeEditor().evaluate((editor) => {
      const view = editor.getBoundingClientRect();
      // Lenses scrolled out of view may stay in the DOM, hidden or at stale positions: keep the visible ones.
      return [...editor.querySelectorAll('.codelens-decoration')]
        .map((el) => ({ rect: el.getBoundingClientRect(), hidden: getComputedStyle(el).visibility === 'hidden', text: (el.textContent ?? '').replace(/\u00a0/g, ' ').trim() }))
        .filter((l) => !l.hidden && l.text && l.rect.height > 0 && l.rect.top >= view.top && l.rect.bottom <= view.bottom)
        .map((l) => ({ top: l.rect.top, text: l.text }));
    });
    return lenses.sort((a, b) => a.top - b.top).map((l) => l.text);
  }

  async waitForCodeLenses(predicate, { timeout = 30_000, message = 'the expected CodeLens' } = {}) {
    return until(async () => {
      const lenses = await this.codeLenses();
      return predicate(lenses) ? lenses : undefined;
    }, { timeout, message });
  }

  /**
   * Opens Quick Fix (Ctrl+.) at the cursor and returns the titles offered. It waits first for the
   * light bulb, which VS Code shows once the code actions at the cursor are known. Under load,
   * VS Code can still drop the request that Ctrl+. starts and never open the menu, while the
   * editor keeps focus, the bulb stays and the diagnostics do not change; a second Ctrl+. then
   * opens it within 100 ms (measured: 2 to 3 of 25 tries on a loaded machine). The likely cause
   * is the automatic code-action update that the cursor's last move scheduled, landing after the
   * manual request and replacing it. So Ctrl+. is pressed again whenever the menu has not opened
   * three seconds after the last press.
   */
  async quickFixes() {
    const widget = this.page.locator('.action-widget:not(.action-list-submenu-panel)').first();
    // The bulb is a widget over the text, or a gutter decoration when the text leaves it no room.
    const bulb = this.activeEditor().locator('.lightBulbWidget[class*="codicon-"], [class*="gutter-lightbulb"]').first();
    await until(async () => {
      await this.focusEditor();
      await bulb.waitFor({ state: 'visible', timeout: 10_000 });
      await this.page.keyboard.press(`${mod}+.`);
      return widget.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
    }, { timeout: 30_000, interval: 0, message: 'the Quick Fix menu to open' });
    const items = widget.locator('.monaco-list-row.action');
    await items.first().waitFor();
    return (await items.allInnerTexts()).map((t) => t.trim());
  }

  /** Opens Quick Fix at the cursor and applies the fix whose title contains `title`. */
  async applyQuickFix(title) {
    const titles = await this.quickFixes();
    if (!titles.some((t) => t.includes(title))) {
      await this.page.keyboard.press('Escape');
      throw new Error(`No quick fix "${title}"; offered: ${JSON.stringify(titles)}`);
    }
    const tab = this.page.locator('.tabs-container .tab.active').first();
    await this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first().click();
    await this.page.locator('.action-widget:not(.action-list-submenu-panel)').first().waitFor({ state: 'hidden' });
    // The fix is a WorkspaceEdit applied after the widget closes: wait until it has changed the
    // document, or a save right after would write (and a test would read) the old text.
    await until(async () => (await tab.getAttribute('class')).includes('dirty'), { message: `the quick fix "${title}" to edit the document` });
  }

  /** Triggers suggestions (Ctrl+Space) at the cursor and returns the labels of the suggest widget's rows. */
  async suggestions({ expect } = {}) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+Space');
    const widget = this.page.locator('.editor-group-container.active .suggest-widget.visible');
    await widget.waitFor({ state: 'visible', timeout: 20_000 });
    return until(async () => {
      const labels = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
      const trimmed = labels.map((l) => l.trim()).filter(Boolean);
      if (!trimmed.length || (expect && !trimmed.some((l) => expect.test(l)))) return undefined;
      return trimmed;
    }, { timeout: 20_000, message: `suggestions${expect ? ` matching ${expect}` : ''}` });
  }

  // ---------------------------------------------------------------- webviews (the report preview)

  /**
   * The content frames of the open webviews. VS Code puts each webview in an iframe
   * (`iframe.webview`, .../pre/index.html) holding a second iframe with the extension's HTML.
   */
  webviewContentFrames() {
    return this.page.frames().filter((frame) => {
      const parent = frame.parentFrame();
      return parent && /\/webview\/browser\/pre\/index\.html/.test(parent.url()) && /\/pre\/fake\.html/.test(frame.url());
    });
  }

  /** Waits for a webview whose content has an element matching `selector`, and returns its frame. */
  async webview(selector, { timeout = 60_000 } = {}) {
    return until(async () => {
      for (const frame of this.webviewContentFrames()) {
        if (frame.isDetached()) continue;
        if (await frame.locator(selector).count().catch(() => 0)) return frame;
      }
      return undefined;
    }, { timeout, interval: 200, message: `a webview containing ${selector}` });
  }

  // ---------------------------------------------------------------- status bar, screenshots

  /** Text and tooltip of a status bar item by its id (e.g. "status.problems"). */
  async statusBarItem(id) {
    const item = this.page.locator(`[id="${id}"]`);
    if (!(await item.count())) return undefined;
    return { text: (await item.innerText()).trim(), label: await item.getAttribute('aria-label') };
  }

  /** Status bar items whose text or label matches `pattern`. */
  async statusBarItemsMatching(pattern) {
    const items = await this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item').evaluateAll((els) =>
      els.map((el) => ({ id: el.id, text: (el.textContent ?? '').trim(), label: el.getAttribute('aria-label') ?? '' })));
    return items.filter((i) => pattern.test(i.text) || pattern.test(i.label));
  }

  /**
   * Waits until the extension's status bar item matches `pattern`. It describes the active
   * document once the engine has checked its current text, so after this the language features
   * answer from a finished analysis instead of queueing behind the start-up scan.
   */
  async waitForRubricsStatus(pattern, { timeout = 60_000 } = {}) {
    return until(async () => (await this.statusBarItemsMatching(pattern)).length > 0, { timeout, message: `the Rubrics status bar item to match ${pattern}` });
  }

  /** Waits for the status bar's Restricted Mode indicator (a folder opened without Workspace Trust). */
  async waitForRestrictedMode() {
    return until(async () => (await this.statusBarItemsMatching(/Restricted Mode/)).length > 0, { message: 'the Restricted Mode indicator' });
  }

  /** Saves a screenshot of the whole window to test-results/e2e/<name>.png and returns its path. */
  async screenshot(name) {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
