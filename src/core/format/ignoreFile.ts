import ignore, { type Ignore } from 'ignore';

/**
 * `.rubricsignore`: files the CLI, the GitHub Action and the editor leave alone (a `mkdocs.yml`
 * under `rubrics/`, generated files, a folder of drafts), written the way `.gitignore` is, and
 * read by the library ESLint uses for its ignore files, so every pattern means what it means to
 * git. Paths are relative to the folder that holds the file, with forward slashes.
 */
export const IGNORE_FILE_NAME = '.rubricsignore';

export class IgnoreList {
  private readonly rules: Ignore;
  /** How many patterns the file holds (blank lines and comments aside). */
  readonly size: number;

  constructor(text: string) {
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
    this.rules = ignore().add(lines);
    this.size = lines.length;
  }

  /** Whether a path (relative to the ignore file's folder) is left out; paths outside that folder never are. */
  ignores(relativePath: string): boolean {
    if (relativePath === '' || relativePath.startsWith('../') || relativePath === '..' || relativePath.startsWith('/')) return false;
    return this.rules.ignores(relativePath);
  }
}
