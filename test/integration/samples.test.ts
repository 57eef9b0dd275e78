import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../src/core/diagnostics/codes';
import { Engine, type AssessmentDocumentAnalysis, type FileAnalysis, type PlanDocumentAnalysis } from '../../src/core/engine';
import type { AssessmentScore } from '../../src/core/scoring/types';
import { analyzeFile, DiskFileHost, placedDiagnostics } from '../support/diskHost';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const samplesDir = path.join(root, 'samples');
const invalidDir = path.join(samplesDir, 'invalid');

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const validFiles = yamlFilesUnder(samplesDir).filter((f) => !f.startsWith(invalidDir + path.sep));
const invalidFiles = yamlFilesUnder(invalidDir);
const relative = (file: string) => path.relative(samplesDir, file).split(path.sep).join('/');

/** Warnings a valid sample shows on purpose, as "file: code line:column". */
const INTENTIONAL_WARNINGS: readonly string[] = [
  // Issue 19: assessors who still disagree are a finding the sample shows.
  'kestrel/2026-06.digital-channels.assessment.yaml: assessors-disagree 38:11',
  'kestrel/2026-06.digital-channels.assessment.yaml: assessors-disagree 54:11',
];

// Each test analyzes what it reads with an engine of its own: a result shared across tests would
// be computed in whichever test asked first, and per-test coverage (npm run mutation) would
// credit that test alone with every assertion made on it.
function analyze(file: string): Promise<FileAnalysis> {
  return analyzeFile(file, new Engine(new DiskFileHost()));
}

async function assessmentScore(name: string): Promise<AssessmentScore> {
  const analysis = await analyze(path.join(samplesDir, 'kestrel', name));
  const doc = analysis.documents[0] as AssessmentDocumentAnalysis;
  if (!doc.score) throw new Error(`${name} was not scored`);
  return doc.score;
}

describe('samples (everything outside samples/invalid/)', () => {
  it('exist: three frameworks at two dates, a plan, a custom rubric with its assessment, a multi-document file, and interviews by several assessors', () => {
    expect(validFiles.map(relative).filter((f) => f.startsWith('kestrel/'))).toEqual([
      'kestrel/2025-03.it4it-legacy-alignment.assessment.yaml',
      'kestrel/2025-03.nexgen-digital-services.assessment.yaml',
      'kestrel/2025-03.seven-attributes.assessment.yaml',
      'kestrel/2026-03.claims-platform.assessment.yaml',
      'kestrel/2026-03.it4it-legacy-alignment.assessment.yaml',
      'kestrel/2026-03.nexgen-digital-services.assessment.yaml',
      'kestrel/2026-03.seven-attributes.assessment.yaml',
      'kestrel/2026-06.digital-channels.assessment.yaml',
      'kestrel/claims-platform.rubric.yaml',
      'kestrel/cloud-operations.yaml',
      'kestrel/roadmap-2026-2028.plan.yaml',
      'kestrel/secure-delivery.yaml',
    ]);
  });

  it('hold an organization of 12 units in 3 groups, each assessed twice, with a plan per group (test/integration/portfolio.samples.test.ts reads them as a portfolio)', () => {
    const tarn = validFiles.map(relative).filter((f) => f.startsWith('tarn-valley/'));
    expect(tarn.filter((f) => f.endsWith('.seven-attributes.assessment.yaml'))).toHaveLength(24);
    expect(tarn.filter((f) => f.endsWith('.secure-delivery.assessment.yaml'))).toHaveLength(16);
    expect(tarn.filter((f) => f.endsWith('.plan.yaml')).map((f) => f.split('/')[1])).toEqual(['customer-digital', 'operational-technology', 'shared-services']);
    expect(tarn.length).toBe(24 + 16 + 3 + 1);
  });

  for (const file of validFiles) {
    it(`${relative(file)} has no errors or warnings, and every document is checked and scored`, async () => {
      const analysis = await analyze(file);
      const problems = placedDiagnostics(analysis)
        .filter((d) => d.severity !== 'information')
        .map((d) => `${relative(file)}: ${d.code} ${d.line}:${d.column}`);
      expect(problems).toEqual(INTENTIONAL_WARNINGS.filter((w) => w.startsWith(`${relative(file)}:`)));
      for (const doc of analysis.documents) {
        expect(doc.schemaValid, `document ${doc.index}`).toBe(true);
        if (doc.kind === 'Rubric') expect(doc.rubricIndex).toBeDefined();
        if (doc.kind === 'Assessment') expect(doc.score?.overall.dimensionsScored).toBeGreaterThan(0);
        if (doc.kind === 'Plan') expect(doc.baseline?.score).toBeDefined();
      }
    });
  }

  for (const framework of ['seven-attributes', 'nexgen-digital-services', 'it4it-legacy-alignment']) {
    it(`show progress against ${framework} from March 2025 to March 2026`, async () => {
      const before = await assessmentScore(`2025-03.${framework}.assessment.yaml`);
      const after = await assessmentScore(`2026-03.${framework}.assessment.yaml`);
      expect(after.overall.score!).toBeGreaterThan(before.overall.score! + 0.5);
      expect(after.overall.dimensionsAtThreshold).toBeGreaterThan(before.overall.dimensionsAtThreshold);
      for (const d of after.dimensions) {
        const earlier = before.dimensions.find((b) => b.id === d.id)!;
        expect(d.score!, d.id).toBeGreaterThanOrEqual(earlier.score!);
      }
    });
  }

  it('the seven-attributes assessments show a current exemption, a not-applicable practice and an unanswered one', async () => {
    for (const name of ['2025-03.seven-attributes.assessment.yaml', '2026-03.seven-attributes.assessment.yaml']) {
      const score = await assessmentScore(name);
      const criteria = score.dimensions.flatMap((d) => d.criteria);
      expect(criteria.some((c) => c.status === 'exempt' && c.exemption && !c.exemption.expired), name).toBe(true);
      expect(criteria.some((c) => c.status === 'not-applicable'), name).toBe(true);
      expect(criteria.some((c) => !c.answered && c.status === 'counted'), name).toBe(true);
      expect(score.evidenceCoverage.ratio, name).toBe(1);
      expect(score.dimensions.every((d) => d.metrics.some((m) => m.value !== undefined)), name).toBe(true);
    }
  });

  it('the 2026-2028 plan starts from the 2026 assessment and takes three attributes past the tipping point', async () => {
    const analysis = await analyze(path.join(samplesDir, 'kestrel', 'roadmap-2026-2028.plan.yaml'));
    const plan = analysis.documents[0] as PlanDocumentAnalysis;
    const projection = plan.projection!;
    expect(plan.baseline?.uri).toMatch(/kestrel\/2026-03\.seven-attributes\.assessment\.yaml$/);
    expect(projection.horizon).toEqual({ start: '2026-04-01', end: '2028-09-30', months: 30 });
    expect(projection.initiatives.length).toBeGreaterThanOrEqual(10);
    expect(projection.initiatives.length).toBeLessThanOrEqual(16);
    const crossing = projection.dimensions.filter((d) => d.baseline! < 3 && d.projected! >= 3).map((d) => d.id);
    expect(crossing).toEqual(['aggressive-outsourcing', 'business-fusion', 'evolve-core-competencies']);
    expect(projection.dimensions.every((d) => d.thresholdReached && !d.shortOfTarget)).toBe(true);
    expect(projection.valueStreams.every((v) => v.initiatives.length > 0)).toBe(true);
    expect(new Set(projection.legacySystems.map((s) => s.disposition))).toEqual(new Set(['retain', 'modernize', 'replace', 'retire', 'outsource']));
    expect(new Set(projection.initiatives.map((i) => i.status))).toEqual(new Set(['proposed', 'planned', 'in-progress', 'done', 'on-hold', 'cancelled']));
    const initiatives = plan.data!.initiatives;
    expect(initiatives.every((i) => i.owner)).toBe(true);
    expect(initiatives.some((i) => i.dependsOn?.length)).toBe(true);
    expect(initiatives.some((i) => i.risks?.length)).toBe(true);
    expect(initiatives.some((i) => i.kpis?.some((k) => k.baseline !== undefined))).toBe(true);
  });

  it('the custom rated rubric is used by relative path, and the multi-document file by id', async () => {
    const custom = (await analyze(path.join(samplesDir, 'kestrel', '2026-03.claims-platform.assessment.yaml'))).documents[0] as AssessmentDocumentAnalysis;
    expect(custom.data?.rubric).toBe('./claims-platform.rubric.yaml');
    expect(custom.rubric?.uri).toMatch(/kestrel\/claims-platform\.rubric\.yaml$/);
    expect(custom.score?.method).toBe('rated');
    expect(custom.score?.groups.map((g) => g.id)).toEqual(['build', 'run', 'data']);

    const both = await analyze(path.join(samplesDir, 'kestrel', 'cloud-operations.yaml'));
    expect(both.documents.map((d) => d.kind)).toEqual(['Rubric', 'Assessment']);
    const assessment = both.documents[1] as AssessmentDocumentAnalysis;
    expect(assessment.data?.rubric).toBe('kestrel-cloud-operations');
    expect(assessment.rubric?.uri).toBe(both.uri);
  });

  it('the SAMM-style sample scores its practice and streams by SAMM’s formula, against a fractional target', async () => {
    const analysis = await analyze(path.join(samplesDir, 'kestrel', 'secure-delivery.yaml'));
    const score = (analysis.documents[1] as AssessmentDocumentAnalysis).score!;
    const practice = score.dimensions[0]!;
    // Level 1: (1 + 0.5) / 2, level 2: (0.25 + 0.5) / 2, level 3: 0; streams: 1 + 0.25 + 0 and 0.5 + 0.5 + 0.
    expect([practice.score, practice.gap, practice.subgroups.map((s) => s.score)]).toEqual([1.125, 0.375, [1.25, 1]]);
    expect(score.overall.score).toBe(1.125);
  });

  it('are each described in samples/README.md', () => {
    const readme = readFileSync(path.join(samplesDir, 'README.md'), 'utf8');
    for (const file of [...validFiles, ...invalidFiles]) expect(readme, relative(file)).toContain(`](${relative(file)})`);
  });
});

/** The `# expect: <code> <line>:<column>` lines at the top of a file (before its first other line). */
function expectations(text: string): string[] {
  const expected: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^# expect: ([a-z-]+) (\d+:\d+)\s*$/.exec(line);
    if (!match) break;
    expected.push(`${match[1]} ${match[2]}`);
  }
  return expected;
}

/** Codes without a sample, and why. Anything else in DIAGNOSTIC_CODES needs a file in samples/invalid/. */
const CODES_WITHOUT_SAMPLE: Partial<Record<DiagnosticCode, string>> = {
  'yaml-too-large': 'needs a file over 16 MB',
  'yaml-unsupported': 'binary data (!!binary), which no sample holds; covered by test/core/yaml/parseFull.test.ts',
  'too-many-problems': 'needs more than 500 problems in one file; covered by test/core/engine.test.ts',
  'budget-exceeded': 'no real document reaches the work budget (that is its point); covered by test/core/engine.budget.test.ts with small budgets',
  'internal-error': 'only a bug in rubrics gives it (the language server, when the engine throws); covered by test/server/server.test.ts',
  'reference-outside-workspace':
    'it needs a file outside the repository or workspace, which a sample cannot hold, and depends on the root each face gives; covered by test/core/resolve/confinement.test.ts, test/cli/confinement.test.ts, test/server/references.test.ts and test/action/main.test.ts',
  'file-outside-workspace':
    'it needs a link that leaves the repository or workspace, which a sample cannot hold, and is given by the face that finds the files; covered by test/cli/confinement.test.ts, test/server/references.test.ts and test/integration/securityCorpus.test.ts',
};

describe('samples/invalid/', () => {
  for (const file of invalidFiles) {
    it(`${relative(file)} produces exactly the problems its "# expect:" lines state`, async () => {
      const text = readFileSync(file, 'utf8');
      const expected = expectations(text);
      expect(expected.length, 'the file starts with at least one "# expect:" line').toBeGreaterThan(0);
      const analysis = await analyze(file);
      const actual = placedDiagnostics(analysis).map((d) => `${d.code} ${d.line}:${d.column}`);
      expect(actual.sort()).toEqual([...expected].sort());
      // The file is named after the problem it shows.
      const named = path.basename(file).replace(/\..*$/, '');
      expect(expected.map((e) => e.split(' ')[0])).toContain(named);
    });
  }

  it('cover every diagnostic code that can be triggered', () => {
    const covered = new Set(invalidFiles.flatMap((f) => expectations(readFileSync(f, 'utf8')).map((e) => e.split(' ')[0])));
    const missing = (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).filter((code) => !covered.has(code) && !(code in CODES_WITHOUT_SAMPLE));
    expect(missing).toEqual([]);
    for (const code of covered) expect(Object.keys(DIAGNOSTIC_CODES), code).toContain(code);
  });
});

describe('samples through both parsers', () => {
  // The fast parser handles the block-style subset and falls back to the full one otherwise;
  // either way the diagnostics and scores of every sample must be the same.
  for (const file of [...validFiles, ...invalidFiles]) {
    it(`${relative(file)}: same diagnostics and scores with the full parser`, async () => {
      const auto = await analyze(file);
      const full = await analyzeFile(file, new Engine(new DiskFileHost(), { parser: 'full' }));
      expect(placedDiagnostics(auto)).toEqual(placedDiagnostics(full));
      const scores = (a: FileAnalysis) => a.documents.map((d) => (d.kind === 'Assessment' ? d.score : d.kind === 'Plan' ? d.projection : undefined));
      expect(scores(auto)).toEqual(scores(full));
    });
  }
});
