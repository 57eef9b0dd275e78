import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type Engine, type FileHost, type FileRead, GIT_SCHEME } from './core';
import { readUserFile } from './analyze';
import { displayPath } from './discover';
import { CliError } from './errors';
import { GitRepository, parseGitSpec } from './gitSource';
import { fileUri, NodeFileHost } from './nodeFileHost';

/** A file to report on or compare: from disk, or from git as `REF:path`. */
export interface LoadedSource {
  /** As the user wrote it, for messages and headings. */
  readonly label: string;
  readonly uri: string;
  /** undefined when a `REF:path` does not exist at that revision (a file added or deleted since). */
  readonly text: string | undefined;
  /** Where diagnostics are shown: the path relative to the working directory, or `REF:path`. */
  readonly shownPath: string;
}

/**
 * Reads command arguments that name files, on disk or in git, and serves the engine the files
 * they refer to: from disk for files on disk, at the same revision for files read from git.
 */
export class SourceReader implements FileHost {
  private readonly disk = new NodeFileHost();
  private repositoryPromise: Promise<GitRepository> | undefined;

  constructor(private readonly cwd: string) {}

  /** The file an argument names; one on disk is read only where `engine` allows (see readUserFile). */
  async load(argument: string, engine: Pick<Engine, 'checkedFileRefusal'>): Promise<LoadedSource> {
    const absolute = path.resolve(this.cwd, argument);
    const onDisk = await stat(absolute).catch(() => undefined);
    if (onDisk?.isDirectory()) throw new CliError(`"${argument}" is a folder; name a file (an assessment or a plan).`);
    if (onDisk) {
      const shownPath = displayPath(absolute, this.cwd);
      return { label: argument, uri: fileUri(absolute), text: await readUserFile(absolute, shownPath, engine), shownPath };
    }
    const spec = parseGitSpec(argument);
    if (!spec) throw new CliError(`Cannot find "${argument}" (looked in ${absolute}). Check the path; to read a file from git, write REF:path, e.g. origin/main:rubrics/team.assessment.yaml.`);
    const file = await (await this.git()).read(spec, argument);
    return { label: argument, uri: file.uri, text: file.text, shownPath: `${spec.ref}:${file.repoPath}` };
  }

  readFile(uri: string): Promise<FileRead> {
    if (uri.startsWith(GIT_SCHEME)) return this.git().then((repository) => repository.readFile(uri));
    return this.disk.readFile(uri);
  }

  /** Files from git are never links to follow; files on disk may be. */
  realUri(uri: string): Promise<string | undefined> {
    return uri.startsWith(GIT_SCHEME) ? Promise.resolve(uri) : this.disk.realUri(uri);
  }

  /** The repository around the working directory (opened once, on first use). */
  repository(): Promise<GitRepository> {
    return this.git();
  }

  /** Ends the git process that reads objects, if one was started. */
  async close(): Promise<void> {
    if (this.repositoryPromise) (await this.repositoryPromise.catch(() => undefined))?.close();
  }

  private git(): Promise<GitRepository> {
    this.repositoryPromise ??= GitRepository.open(this.cwd);
    return this.repositoryPromise;
  }
}
