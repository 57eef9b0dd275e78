/**
 * Which files read which: an assessment reads its rubric, a plan its rubric and baseline (the
 * engine lists them, transitive ones included, in FileAnalysis.dependencies). When a file changes,
 * the files that read it are checked again.
 */
export class DependencyGraph {
  private readonly reads = new Map<string, ReadonlySet<string>>();

  set(uri: string, dependencies: readonly string[]): void {
    if (dependencies.length) this.reads.set(uri, new Set(dependencies));
    else this.reads.delete(uri);
  }

  delete(uri: string): void {
    this.reads.delete(uri);
  }

  /** Files whose last check read `uri`. */
  dependentsOf(uri: string): string[] {
    const out: string[] = [];
    for (const [file, deps] of this.reads) if (file !== uri && deps.has(uri)) out.push(file);
    return out;
  }
}
