/**
 * Deterministic generator of a realistic rubric and an assessment against it, of a chosen size.
 * Used by the benchmark (bench/run.ts), by the differential YAML tests, and by anyone who needs a
 * large, valid document (for example the editor's editability test on 50,000 lines).
 *
 * The same seed and size always give the same text, byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The sizes the benchmark reports, in lines of the assessment. */
export const BENCH_SIZES = [500, 5_000, 50_000] as const;

export const BENCH_RUBRIC_FILE = 'bench.rubric.yaml';

export interface BenchDocuments {
  /** The rubric, to be saved as `bench.rubric.yaml` next to the assessment. */
  readonly rubric: string;
  /** The assessment; its `rubric:` is `./bench.rubric.yaml`. */
  readonly assessment: string;
  /** Lines of the assessment text. */
  readonly assessmentLines: number;
  readonly dimensions: number;
  readonly criteriaPerDimension: number;
}

/** mulberry32, so the output depends on the seed alone. Shared with the tests' generators. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

const TOPICS: readonly (readonly [string, string])[] = [
  ['service-catalogue', 'Service catalogue'],
  ['self-service', 'Self-service for end users'],
  ['incident-response', 'Incident response'],
  ['change-enablement', 'Change enablement'],
  ['knowledge-sharing', 'Knowledge sharing'],
  ['cost-transparency', 'Cost transparency'],
  ['supplier-governance', 'Supplier governance'],
  ['data-stewardship', 'Data stewardship'],
  ['security-operations', 'Security operations'],
  ['release-automation', 'Release automation'],
  ['capacity-planning', 'Capacity planning'],
  ['customer-feedback', 'Customer feedback'],
  ['skills-development', 'Skills development'],
  ['architecture-runway', 'Architecture runway'],
  ['observability', 'Observability'],
  ['continuity-planning', 'Continuity planning'],
  ['portfolio-steering', 'Portfolio steering'],
  ['legacy-retirement', 'Legacy retirement'],
];

const UNITS = ['Finance', 'Retail', 'Logistics', 'Group IT', 'Manufacturing', 'HR', 'Sales', 'Research', 'Treasury', 'Field Service'];

const PRACTICES = [
  'A named owner reviews this area every quarter',
  'Requests are logged in one shared tool',
  'Targets are agreed with the business and published',
  'Results are reported to the steering board monthly',
  'Recurring problems get a root-cause review',
  'Teams follow a documented, versioned procedure',
  'Automation covers the routine steps',
  'Costs are allocated to the consuming units',
  'Dependencies on suppliers are listed and reviewed',
  'Users can see the status of their requests online',
  'Lessons learned feed an improvement backlog',
  'Risks are rated and have a mitigation owner',
];

const NOTES = [
  'Seen in the tool during the workshop; the data looked current.',
  'Only the central team works this way; regional teams do not yet.',
  'The procedure exists but was last reviewed two years ago.',
  'Agreed with the service owner after the follow-up call.',
  'Partly automated; approvals are still sent by email.',
  'Evidence shared after the interview, see the linked page.',
];

const SCALES = {
  'yes-no': ['yes', 'no'],
  coverage: ['none', 'some', 'most', 'all'],
  frequency: ['never', 'rarely', 'often', 'always'],
} as const;
type ScaleName = keyof typeof SCALES;

interface CriterionShape {
  readonly id: string;
  readonly text: string;
  readonly level: number;
  readonly scale: ScaleName;
  readonly evidenceRequired: boolean;
}

interface DimensionShape {
  readonly id: string;
  readonly title: string;
  /** The topic alone (no `:`), for use inside plain scalars. */
  readonly topic: string;
  readonly group: string;
  readonly criteria: readonly CriterionShape[];
  readonly metrics: readonly { readonly id: string; readonly name: string; readonly unit: string }[];
}

/** Criteria per dimension for a target size: the schema allows at most 500 dimensions. */
function criteriaFor(targetLines: number): number {
  if (targetLines <= 1_000) return 5;
  if (targetLines <= 10_000) return 8;
  return 36;
}

function makeDimension(random: Random, index: number, criteriaCount: number): DimensionShape {
  const [topicId, topicTitle] = TOPICS[index % TOPICS.length] as readonly [string, string];
  const unit = UNITS[Math.floor(index / TOPICS.length) % UNITS.length] as string;
  const round = Math.floor(index / (TOPICS.length * UNITS.length));
  const id = `${topicId}-${index + 1}`;
  const criteria: CriterionShape[] = [];
  for (let c = 0; c < criteriaCount; c++) {
    const scale = random.pick(['yes-no', 'yes-no', 'coverage', 'frequency'] as const);
    criteria.push({
      id: `${id}-p${c + 1}`,
      text: `${random.pick(PRACTICES)} (${topicTitle.toLowerCase()}, practice ${c + 1}).`,
      level: 2 + (c % 4),
      scale,
      evidenceRequired: random.chance(0.25),
    });
  }
  const metrics = [
    { id: 'satisfaction', name: `${topicTitle} satisfaction score`, unit: 'points' },
    { id: 'lead-time', name: `Median lead time for ${topicTitle.toLowerCase()}`, unit: 'days' },
  ];
  return { id, title: `${topicTitle}: ${unit}${round ? ` ${round + 1}` : ''}`, topic: topicTitle, group: index % 3 === 0 ? 'run' : index % 3 === 1 ? 'change' : 'govern', criteria, metrics };
}

function writeRubric(random: Random, dimensions: readonly DimensionShape[]): string {
  const out: string[] = [];
  out.push(
    `# Benchmark rubric generated by bench/generate.ts: ${dimensions.length} capabilities.`,
    'apiVersion: rubrics-as-code/v1',
    'kind: Rubric',
    'id: bench-maturity',
    'title: Benchmark IT maturity rubric',
    'version: 1.4.0',
    'description: >-',
    '  A synthetic rubric shaped like a real service-management maturity model:',
    '  capabilities in three areas, practices with evidence rules, and metrics.',
    'references:',
    '  - title: Internal maturity guide',
    '    url: https://intranet.example.com/maturity-guide',
    'terms: { group: Area, dimension: Capability, criterion: Practice }',
    'scoring:',
    '  method: gated',
    'levels:',
    '  - { level: 1, name: Initial }',
    '  - { level: 2, name: Repeatable }',
    '  - level: 3',
    '    name: Defined',
    '    description: Practices are documented and followed across teams.',
    '  - { level: 4, name: Measured }',
    '  - { level: 5, name: Optimizing }',
    'threshold: { level: 3, name: Defined }',
    'answerScales:',
    '  coverage:',
    '    description: How widely the practice is applied.',
    '    answers:',
    '      - { value: none, credit: 0 }',
    '      - { value: some, credit: 0.25 }',
    '      - { value: most, credit: 0.75 }',
    '      - { value: all, credit: 1 }',
    '  frequency:',
    '    answers:',
    '      - { value: never, credit: 0 }',
    "      - { value: rarely, credit: 0.25, description: 'Now and then, not by design.' }",
    '      - { value: often, credit: 0.75 }',
    '      - { value: always, credit: 1 }',
    'defaultAnswerScale: yes-no',
    'groups:',
    '  - id: run',
    '    title: Run the services',
    '  - id: change',
    '    title: Change the services',
    '    weight: 2',
    '  - id: govern',
    '    title: Govern the services',
    'dimensions:',
  );
  for (const d of dimensions) {
    out.push(`  - id: ${d.id}`, `    title: "${d.title}"`, `    group: ${d.group}`);
    if (random.chance(0.3)) out.push(`    weight: ${random.pick([0.5, 2, 3])}`);
    out.push('    description: |', `      How well ${d.topic.toLowerCase()} is organized in this unit.`, '      Scored from the practices below.');
    out.push('    levels:', `      "1": Work on ${d.id} depends on individuals.`, '      "3": One documented way of working is used everywhere.');
    out.push('    criteria:');
    for (const c of d.criteria) {
      if (random.chance(0.4)) {
        out.push(`      - { id: ${c.id}, text: "${c.text}", level: ${c.level}${c.scale === 'yes-no' ? '' : `, answerScale: ${c.scale}`} }`);
        continue;
      }
      out.push(`      - id: ${c.id}`, `        text: ${c.text}`, `        level: ${c.level}`);
      if (c.scale !== 'yes-no') out.push(`        answerScale: ${c.scale}`);
      if (c.evidenceRequired) out.push('        evidenceRequired: true');
      if (random.chance(0.3)) out.push('        guidance: >-', '          Ask for the latest report and check its date;', '          an outdated report counts as partial evidence.');
    }
    out.push('    metrics:');
    for (const m of d.metrics) {
      out.push(`      - id: ${m.id}`, `        name: ${m.name}`, `        unit: ${m.unit}`);
      if (m.id === 'lead-time') out.push('        higherIsBetter: false');
      out.push(`        benchmark: { value: ${m.id === 'lead-time' ? 5 : 80}, source: Peer survey 2025 }`);
    }
  }
  return out.join('\n') + '\n';
}

function writeDimensionResult(random: Random, d: DimensionShape, out: string[]): void {
  if (random.chance(0.15)) out.push(`  # ${d.title}: interviews held with the service owner and two team leads.`);
  out.push(`  ${d.id}:`);
  if (random.chance(0.03)) {
    out.push('    notApplicable:', `      reason: The ${d.topic.toLowerCase()} capability is run by a partner for this unit.`);
    return;
  }
  out.push(`    target: ${random.int(3, 5)}`);
  out.push('    answers:');
  for (const c of d.criteria) {
    const answers = SCALES[c.scale];
    const answer = random.chance(0.7) ? (answers[answers.length - 1] as string) : random.pick(answers);
    const noCredit = c.scale === 'yes-no' ? 'no' : answers[0];
    const needsEvidence = c.evidenceRequired && answer !== noCredit;
    if (!needsEvidence && random.chance(0.6)) {
      out.push(`      ${c.id}: ${answer}${random.chance(0.1) ? '  # confirmed in the workshop' : ''}`);
      continue;
    }
    out.push(`      ${c.id}:`, `        answer: ${answer}`);
    if (needsEvidence || random.chance(0.5)) {
      out.push('        evidence:', `          - https://wiki.example.com/${d.id}/${c.id}`);
      if (random.chance(0.5)) out.push(`          - title: Steering minutes ${random.int(1, 12)}/2026`, `            url: ./evidence/${d.id}-minutes.md`);
    }
    if (random.chance(0.3)) out.push(`        note: ${random.pick(NOTES)}`);
    else if (random.chance(0.2)) out.push('        note: >-', `          ${random.pick(NOTES)}`, `          ${random.pick(NOTES)}`);
  }
  if (random.chance(0.6)) {
    out.push('    metrics:', `      satisfaction: ${random.int(55, 95)}.${random.int(0, 9)}`);
    if (random.chance(0.5)) out.push('      lead-time:', `        value: ${random.int(1, 20)}`, '        note: Median over the last quarter.');
  }
  if (random.chance(0.3)) out.push(`    evidence: [https://dashboards.example.com/${d.id}, ./evidence/${d.id}.pdf]`);
  if (random.chance(0.5)) out.push('    notes: |', `      ${random.pick(NOTES)}`, '', `      - Follow-up: ${random.pick(PRACTICES).toLowerCase()}.`);
  if (random.chance(0.1)) out.push('');
}

/**
 * A rubric and an assessment of about `targetLines` lines against it (the rubric has exactly
 * the assessed capabilities), or, with `shape.dimensions`, of exactly that many capabilities.
 * Deterministic for a given seed.
 */
export function generateBenchDocuments(targetLines: number, seed = 20260331, shape: { readonly dimensions?: number } = {}): BenchDocuments {
  const random = new Random(seed ^ targetLines);
  const criteriaCount = criteriaFor(targetLines);
  const out: string[] = [
    `# Benchmark assessment generated by bench/generate.ts (about ${targetLines} lines).`,
    'apiVersion: rubrics-as-code/v1',
    'kind: Assessment',
    'id: bench-assessment',
    'title: Northwind Logistics maturity review 2026',
    `rubric: ./${BENCH_RUBRIC_FILE}`,
    'subject:',
    '  organization: Northwind Logistics',
    '  unit: Group IT',
    "  scope: All internal IT services; the partner-run data centre is out of scope.",
    'date: 2026-03-31',
    'assessors:',
    '  - name: Dana Whitfield',
    '    role: Head of Service Management',
    '  - { name: Priya Raman, role: Enterprise Architect }',
    'summary: |',
    '  The organization is close to the Defined level in most areas.',
    '  Cost transparency and legacy retirement lag behind.',
    '',
    'dimensions:',
  ];
  const dimensions: DimensionShape[] = [];
  const MAX_DIMENSIONS = 500;
  const enough = () => (shape.dimensions !== undefined ? dimensions.length >= shape.dimensions : out.length >= targetLines);
  while (!enough() && dimensions.length < MAX_DIMENSIONS) {
    const dimension = makeDimension(random, dimensions.length, criteriaCount);
    dimensions.push(dimension);
    writeDimensionResult(random, dimension, out);
  }
  const rubric = writeRubric(new Random(seed), dimensions);
  const assessment = out.join('\n') + '\n';
  return { rubric, assessment, assessmentLines: out.length, dimensions: dimensions.length, criteriaPerDimension: criteriaCount };
}

/** Writes `bench.rubric.yaml` and `bench-<lines>.assessment.yaml` for each size into `dir`. */
export function writeBenchFiles(dir: string, sizes: readonly number[] = BENCH_SIZES, seed?: number): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const size of sizes) {
    const docs = generateBenchDocuments(size, seed);
    const sub = path.join(dir, String(size));
    fs.mkdirSync(sub, { recursive: true });
    const rubricPath = path.join(sub, BENCH_RUBRIC_FILE);
    const assessmentPath = path.join(sub, `bench-${size}.assessment.yaml`);
    fs.writeFileSync(rubricPath, docs.rubric);
    fs.writeFileSync(assessmentPath, docs.assessment);
    written.push(rubricPath, assessmentPath);
  }
  return written;
}
