/**
 * Answers worked out once per key, for facts of URIs that a run asks about once per file (a
 * hundred assessments name the same rubric). Bounded: emptied when it holds `max` keys, since
 * the language server runs for days and sees folders and files come and go.
 */
export class BoundedMemo<V> {
  private readonly answers = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string, compute: (key: string) => V): V {
    if (this.answers.has(key)) return this.answers.get(key) as V;
    const value = compute(key);
    if (this.answers.size >= this.max) this.answers.clear();
    this.answers.set(key, value);
    return value;
  }
}
