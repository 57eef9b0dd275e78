import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeReview } from '../../src/core/review/change';
import { buildCli, gitIn as git, REPO_ROOT, removeTempDirs, runCli, tempDir } from '../support/cli';

// `rubrics diff --base` over a change to the Tarn Valley Water sample organization's Cloud
// Platform: every unit that inherits from the platform's assessment moves with it, the review lists
// them, and its portfolio section names the units whose level or threshold status moved and the
// organization's count at the threshold before and after.

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
}, 120_000);
afterAll(removeTempDirs);

const PLATFORM = 'tarn-valley/shared-services/cloud-platform.2026-03.seven-attributes.assessment.yaml';

function repository(): string {
  const repo = tempDir('rubrics-review-portfolio-');
  git(repo, 'init', '-q');
  fs.cpSync(path.join(REPO_ROOT, 'samples/tarn-valley'), path.join(repo, 'tarn-valley'), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'Tarn Valley Water');
  git(repo, 'checkout', '-q', '-b', 'change');
  return repo;
}

function edit(repo: string, file: string, from: string, to: string): void {
  const full = path.join(repo, file);
  const text = fs.readFileSync(full, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(full, text.replace(from, to));
}

const EVIDENCE = (id: string) => `${id}:\n        answer: yes\n        evidence: [https://intranet.tarnvalley.example/shared-services/cloud-platform/${id}]`;

describe('the review of a change to an assessment others inherit from', () => {
  it('lists every unit that inherits it, and the units whose status moved with the organization\u2019s count at the threshold', async () => {
    const repo = repository();
    // The platform agrees its sourcing criteria and compares its services with the market: aggressive outsourcing reaches level 4.
    edit(repo, PLATFORM, 'ao-criteria-agreed: no', EVIDENCE('ao-criteria-agreed'));
    edit(repo, PLATFORM, 'ao-market-comparison: no', EVIDENCE('ao-market-comparison'));
    const run = await runCli(cli, ['diff', '--base', 'main', '--format', 'json'], { cwd: repo });
    expect(run.code).toBe(0);
    // The diagnostics follow the inheritance: the units' sourcing now stands above the target they set.
    expect(run.stderr).toContain('tarn-valley/customer-digital/billing-payments.2026-04.seven-attributes.assessment.yaml:38:13  warning  The target 3 is below the level already reached (4).');
    const review = JSON.parse(run.stdout) as ChangeReview;
    expect(review.files.filter((f) => f.status !== 'unchanged').map((f) => f.path)).toEqual([PLATFORM]);
    // The nine units on the platform inherit its sourcing answers; the 2025 assessments inherit from the 2025 platform file, which did not change.
    const [impact] = review.bases ?? [];
    expect(impact?.path).toBe(PLATFORM);
    expect(impact?.users.map((u) => path.basename(u.path)).sort()).toEqual(
      [
        'asset-management.2026-04',
        'billing-payments.2026-04',
        'contact-centre.2026-05',
        'customer-portal.2026-04',
        'data-analytics.2026-05',
        'field-workforce.2026-05',
        'mobile-app.2026-05',
        'service-desk.2026-04',
      ].map((u) => `${u}.seven-attributes.assessment.yaml`),
    );
    expect(impact?.users.every((u) => !u.fileChanged && u.moved === 'overall')).toBe(true);
    expect(review.portfolio?.units.map((u) => [u.unit, u.levelBefore, u.levelAfter, u.thresholdAfter, u.cause])).toEqual([
      ['Billing & Payments', 2, 3, true, 'inheritance'],
      ['Field Workforce', 2, 3, true, 'inheritance'],
    ]);
    expect(review.portfolio?.counts).toEqual([
      { organization: 'Tarn Valley Water', rubric: { id: 'seven-attributes', title: 'Seven attributes of high-performing IT service organizations', threshold: 3 }, before: 3, after: 5, unitsBefore: 12, unitsAfter: 12 },
    ]);

    const md = await runCli(cli, ['diff', '--base', 'main'], { cwd: repo });
    expect(md.stdout).toContain('moves in the assessments that inherit from it');
    expect(md.stdout).toContain('| `tarn-valley/customer-digital/billing-payments.2026-04.seven-attributes.assessment.yaml` | unchanged; what it inherits changed |');
    expect(md.stdout).toContain('| Billing &amp; Payments (Customer Digital) | Seven attributes of high-performing IT service organizations | 2 → 3 | reached 🎉 | what it inherits changed |');
    expect(md.stdout).toContain('- **Tarn Valley Water**, Seven attributes of high-performing IT service organizations: 3 of 12 units at the threshold (level 3) before, 5 of 12 units after.');
  });

  it('says nothing of the portfolio when no unit\u2019s level or threshold status moves', async () => {
    const repo = repository();
    edit(repo, PLATFORM, 'ao-market-comparison: no', EVIDENCE('ao-market-comparison'));
    const review = JSON.parse((await runCli(cli, ['diff', '--base', 'main', '--format', 'json'], { cwd: repo })).stdout) as ChangeReview;
    // One more practice at level 4 does not reach it while another one there is unmet: nothing moves.
    expect(review.portfolio).toBeUndefined();
    expect(review.bases?.[0]?.users.every((u) => u.moved === 'nothing')).toBe(true);
  });
});
