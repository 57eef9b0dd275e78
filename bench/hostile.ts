/**
 * Deterministic generators of hostile but plausible inputs, and of plain files of the same size
 * to compare them with. Used by the benchmark's hostile rows (bench/run.ts) and by the tests that
 * hold the parsers to linear work (test/core/yaml/limits.test.ts, test/core/yaml/fuzz.test.ts).
 */

/** The lines of a rated rubric up to `dimensions:`, with four levels (the bench's generated rubrics share them). */
export function ratedRubricHeader(id: string, title: string): string[] {
  return [
    'apiVersion: rubrics-as-code/v1',
    'kind: Rubric',
    `id: ${id}`,
    `title: ${title}`,
    'version: 1.0.0',
    'scoring: { method: rated }',
    'levels:',
    '  - { level: 1, name: Initial }',
    '  - { level: 2, name: Managed }',
    '  - { level: 3, name: Defined }',
    '  - { level: 4, name: Measured }',
    'dimensions:',
  ];
}

const HEADER = ratedRubricHeader('shared-descriptors', 'Rubric whose dimensions share one set of level descriptors');

const SENTENCES = [
  'Work depends on the people who happen to know how it is done.',
  'A written procedure exists and most teams follow it most of the time.',
  'One way of working is used across the organization and reviewed each year.',
  'Results are measured against agreed targets and drive the next improvements.',
];

/** A level descriptor of `length` characters: the level's sentence repeated, as plain text. */
function descriptor(level: number, length: number): string {
  const sentence = SENTENCES[(level - 1) % SENTENCES.length] as string;
  let text = '';
  while (text.length < length) text += (text ? ' ' : '') + sentence;
  return text.slice(0, length).trimEnd();
}

function levelsBlock(descriptorLength: number): string[] {
  return [1, 2, 3, 4].map((level) => `      ${level}: ${descriptor(level, descriptorLength)}`);
}

/**
 * A rated rubric whose `dimensions` all share one anchored `levels` map: the first dimension
 * writes `levels: &lv` with four descriptors of `descriptorLength` characters, every other one
 * `levels: *lv`. An ordinary way to avoid repeating descriptors, and the input that made alias
 * resolution quadratic. Over 500 dimensions the schema reports the count, nothing else.
 */
export function aliasSharedRubric(dimensions: number, descriptorLength = 900): string {
  const out = [...HEADER];
  for (let i = 0; i < dimensions; i++) {
    out.push(`  - id: d${i}`, `    title: D ${i}`);
    if (i === 0) out.push('    levels: &lv', ...levelsBlock(descriptorLength));
    else out.push('    levels: *lv');
  }
  return out.join('\n') + '\n';
}

/**
 * The alias-shared rubric's shape without any alias: as many dimensions, each with one short
 * description where the others say `levels: *lv`. What the structure itself costs (thousands of
 * small dimensions against the plain file's few large ones), so that the benchmark can tell what
 * the aliases add to it.
 */
export function sameShapeRubric(dimensions: number): string {
  const out = [...HEADER];
  for (let i = 0; i < dimensions; i++) out.push(`  - id: d${i}`, `    title: D ${i}`, '    description: Levels as usual.');
  return out.join('\n') + '\n';
}

/** The alias-shared rubric with its aliases written out: the same data, 70 times the text at 900-character descriptors. */
export function writtenOutRubric(dimensions: number, descriptorLength = 900): string {
  const out = [...HEADER];
  for (let i = 0; i < dimensions; i++) out.push(`  - id: d${i}`, `    title: D ${i}`, '    levels:', ...levelsBlock(descriptorLength));
  return out.join('\n') + '\n';
}

/**
 * A rubric of the same shape without aliases, at least `bytes` long: dimensions that each write
 * their four descriptors out, as many as the size takes (up to the schema's 500, after which the
 * descriptors grow instead). What the hostile files are compared with.
 */
export function plainRubricOfSize(bytes: number): string {
  const perDimension = 40 + 4 * 910;
  const dimensions = Math.min(500, Math.max(1, Math.ceil(bytes / perDimension)));
  const descriptorLength = Math.max(900, Math.ceil((bytes / dimensions - 40) / 4));
  const out = [...HEADER];
  for (let i = 0; i < dimensions; i++) out.push(`  - id: d${i}`, `    title: D ${i}`, '    levels:', ...levelsBlock(descriptorLength));
  return out.join('\n') + '\n';
}

/** `a`, then `spaces` spaces, then `b`: one plain scalar on one very long line. */
export function longSpaceLine(spaces: number): string {
  return `a${' '.repeat(spaces)}b`;
}
