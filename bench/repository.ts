/**
 * A generated repository for the CLI's benchmarks: `rubrics` rubrics, each in its own folder with
 * the assessments scored against it, `files` files in all, committed on main; then a branch that
 * changes `changed` assessments (one answer each) and one rubric (a group's weight), so
 * `rubrics diff --base main` has a realistic change to review, and every assessment of that
 * rubric, changed or not, moves with it. Deterministic: the same options give the same files.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateBenchDocuments } from './generate';

export interface BenchRepositoryOptions {
  readonly files: number;
  readonly rubrics: number;
  /** Lines of each assessment. */
  readonly assessmentLines: number;
  /** Assessments the branch changes. */
  readonly changed: number;
}

export const BENCH_REPOSITORY: BenchRepositoryOptions = { files: 1_000, rubrics: 10, assessmentLines: 150, changed: 49 };

export interface BenchRepository {
  readonly root: string;
  readonly assessments: number;
  readonly rubrics: number;
  /** Files the branch changes: the assessments and the one rubric. */
  readonly changedFiles: number;
}

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd: root,
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-03-31T09:00:00Z', GIT_COMMITTER_DATE: '2026-03-31T09:00:00Z' },
    stdio: 'ignore',
  });
}

export function createBenchRepository(root: string, options: BenchRepositoryOptions = BENCH_REPOSITORY): BenchRepository {
  fs.mkdirSync(root, { recursive: true });
  const perRubric = Math.floor((options.files - options.rubrics) / options.rubrics);
  const assessmentPath = (r: number, a: number) => path.join(root, 'rubrics', `unit-${r + 1}`, `${String(a + 1).padStart(3, '0')}.assessment.yaml`);
  const rubricPath = (r: number) => path.join(root, 'rubrics', `unit-${r + 1}`, 'bench.rubric.yaml');
  const texts: string[] = [];
  let assessments = 0;
  for (let r = 0; r < options.rubrics; r++) {
    const docs = generateBenchDocuments(options.assessmentLines, 20260331 + r);
    fs.mkdirSync(path.dirname(rubricPath(r)), { recursive: true });
    fs.writeFileSync(rubricPath(r), docs.rubric.replace(/^id: bench-maturity$/m, `id: bench-maturity-${r + 1}`));
    const count = r === options.rubrics - 1 ? options.files - options.rubrics - perRubric * (options.rubrics - 1) : perRubric;
    texts[r] = docs.assessment;
    for (let a = 0; a < count; a++) {
      fs.writeFileSync(assessmentPath(r, a), docs.assessment.replace(/^id: (.+)$/m, `id: $1-${a + 1}`));
      assessments++;
    }
  }
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  git(root, 'checkout', '-q', '-b', 'change');
  // The change: one answer in each of `changed` assessments of the first unit's neighbours, and a group's weight in the first rubric.
  for (let i = 0; i < options.changed; i++) {
    const file = assessmentPath(1 + (i % (options.rubrics - 1)), Math.floor(i / (options.rubrics - 1)));
    const text = fs.readFileSync(file, 'utf8');
    const next = text.replace(/: (yes|no)$/m, (_, answer: string) => `: ${answer === 'yes' ? 'no' : 'yes'}`);
    if (next === text) throw new Error(`The generated assessment ${file} has no yes-or-no answer to change.`);
    fs.writeFileSync(file, next);
  }
  const rubric = fs.readFileSync(rubricPath(0), 'utf8');
  const weighted = rubric.replace(/^( {2}- id: [^\n]+\n {4}title: [^\n]+\n)/m, '$1    weight: 3\n');
  if (weighted === rubric) throw new Error('The generated rubric has no capability to weigh.');
  fs.writeFileSync(rubricPath(0), weighted);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'change');
  return { root, assessments, rubrics: options.rubrics, changedFiles: options.changed + 1 };
}
