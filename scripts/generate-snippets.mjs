// Generates snippets/rubrics.snippets.json from the built-in frameworks and the plan schema, so
// the snippets always name the frameworks' real dimensions, criteria, levels and answer scales.
//
//   node scripts/generate-snippets.mjs          write the file (run by `npm run build`)
//   node scripts/generate-snippets.mjs --check  exit 1 if the committed file is out of date
//
// The language server offers them as completions, only in documents it owns and only where each
// fits: its `place` (under an assessment's dimensions, a plan's initiatives or an initiative's
// moves, a rubric's dimensions or criteria, or an empty document) and, for a framework's
// dimensions, its `framework` and `key`. Bodies use the snippet syntax LSP and VS Code share.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const SNIPPETS_FILE = path.join(root, 'snippets/rubrics.snippets.json');
const FRAMEWORK_DIR = path.join(root, 'src/core/builtins/frameworks');
const PLAN_SCHEMA = path.join(root, 'schemas/plan.schema.json');

const API_VERSION = 'rubrics-as-code/v1';
const YES_NO = { answers: [{ value: 'yes', credit: 1 }, { value: 'no', credit: 0 }] };
const STATUSES = ['planned', 'proposed', 'in-progress', 'done', 'on-hold', 'cancelled'];
const DISPOSITIONS = ['modernize', 'retain', 'replace', 'retire', 'outsource'];
/** Example dates: a 30-month horizon (inside the usual 24 to 36) and a first initiative within it. */
const HORIZON = { start: '2026-04-01', end: '2028-09-30' };
const FIRST_INITIATIVE = { start: '2026-04-01', end: '2026-12-31' };

/**
 * Which prefix the dimensions of each built-in framework get. Groups take precedence over the
 * framework (the two groups of nexgen-digital-services get their own prefixes).
 */
const DIMENSION_FAMILIES = [
  { framework: 'seven-attributes', prefix: 'attr-', noun: 'attribute' },
  { framework: 'nexgen-digital-services', group: 'foundations', prefix: 'found-', noun: 'foundation' },
  { framework: 'nexgen-digital-services', group: 'owned-areas', prefix: 'area-', noun: 'owned area' },
  { framework: 'it4it-legacy-alignment', prefix: 'rubric-it4it-', noun: 'IT4IT legacy-alignment challenge area' },
];

/** What each IT4IT value stream is for, in the plan / build / deliver / run cycle. */
const VALUE_STREAM_ROLES = {
  'strategy-to-portfolio': 'plan: decide which investments the portfolio carries',
  'requirement-to-deploy': 'build: turn demand into released services',
  'request-to-fulfill': 'deliver: catalogue, order and provision services',
  'detect-to-correct': 'run: find and fix what goes wrong in operation',
};

// --- snippet text ---------------------------------------------------------------------------

/** Escapes literal text for a snippet body ($, } and \ have meaning there). */
function lit(text) {
  return String(text).replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Escapes one option of a choice placeholder. */
function opt(text) {
  return String(text).replace(/[\\,|$}]/g, (c) => `\\${c}`);
}

/** Numbers tab stops in the order they are created. */
class Stops {
  n = 0;
  placeholder(defaultText) {
    return `\${${++this.n}:${lit(defaultText)}}`;
  }
  choice(options) {
    return `\${${++this.n}|${options.map(opt).join(',')}|}`;
  }
}

/** Levels as target choices: the threshold first (the usual aim), then the levels above it, then below. */
function targetChoices(rubric) {
  const levels = rubric.levels.map((l) => l.level);
  const threshold = rubric.threshold?.level ?? levels[Math.floor(levels.length / 2)];
  return [...levels.filter((l) => l >= threshold), ...levels.filter((l) => l < threshold)].map(String);
}

/** Answers of a criterion's scale, least credit first: an unfilled answer claims nothing. */
function answerChoices(rubric, criterion) {
  const name = criterion.answerScale ?? rubric.defaultAnswerScale ?? 'yes-no';
  const scale = name === 'yes-no' ? rubric.answerScales?.['yes-no'] ?? YES_NO : rubric.answerScales?.[name];
  if (!scale) throw new Error(`${rubric.id}: criterion ${criterion.id} names the unknown answer scale "${name}"`);
  return [...scale.answers].sort((a, b) => a.credit - b.credit).map((a) => String(a.value));
}

/** The lines of one dimension's assessment entry, as it sits under `dimensions:` (no indent). */
function assessmentEntryLines(rubric, dimension, stops, term) {
  const lines = [`# ${lit(dimension.title)} (${lit(term)})`, `${dimension.id}:`];
  const method = rubric.scoring?.method ?? 'gated';
  if (method === 'rated') lines.push(`  level: ${stops.choice(rubric.levels.map((l) => String(l.level)))}`);
  lines.push(`  target: ${stops.choice(targetChoices(rubric))}`);
  const criteria = dimension.criteria ?? [];
  if (method !== 'rated' && criteria.length > 0) {
    lines.push('  answers:');
    for (const criterion of criteria) {
      const note = `level ${criterion.level}${criterion.evidenceRequired ? ', needs evidence' : ''}`;
      lines.push(`    ${criterion.id}: ${stops.choice(answerChoices(rubric, criterion))}  # ${note}`);
    }
  }
  return lines;
}

function indent(lines, by) {
  const pad = ' '.repeat(by);
  return lines.map((l) => (l ? pad + l : l));
}

function termOf(rubric) {
  return rubric.terms?.dimension ?? 'Dimension';
}

// --- snippet families -----------------------------------------------------------------------

function dimensionSnippets(frameworks) {
  const snippets = {};
  for (const family of DIMENSION_FAMILIES) {
    const rubric = frameworks.get(family.framework);
    if (!rubric) throw new Error(`built-in framework "${family.framework}" not found in ${FRAMEWORK_DIR}`);
    const dimensions = rubric.dimensions.filter((d) => family.group === undefined || d.group === family.group);
    if (dimensions.length === 0) throw new Error(`${family.framework}: no dimensions in group "${family.group}"`);
    for (const dimension of dimensions) {
      const criteria = dimension.criteria ?? [];
      snippets[`${rubric.id}: assess ${dimension.title}`] = {
        prefix: `${family.prefix}${dimension.id}`,
        place: 'assessment-dimension',
        framework: rubric.id,
        key: dimension.id,
        description: `Assessment entry for the ${family.noun} "${dimension.title}" of ${rubric.id}: a target level and an answer for each of its ${criteria.length} ${(rubric.terms?.criterion ?? 'criterion').toLowerCase()}s. Put it under "dimensions:" of an assessment against ${rubric.id}.`,
        body: [...assessmentEntryLines(rubric, dimension, new Stops(), termOf(rubric)), '$0'],
      };
      const stops = new Stops();
      snippets[`${rubric.id}: move ${dimension.title}`] = {
        prefix: `${family.prefix}${dimension.id}-move`,
        place: 'plan-move',
        framework: rubric.id,
        key: dimension.id,
        description: `Plan move that raises the ${family.noun} "${dimension.title}" of ${rubric.id} to a target level (from the baseline's level). Put it under "moves:" of an initiative.`,
        body: [`- dimension: ${dimension.id}  # ${lit(dimension.title)}`, `  to: ${stops.choice(targetChoices(rubric))}`, '$0'],
      };
    }
  }
  return snippets;
}

function valueStreamSnippets(valueStreams) {
  const snippets = {};
  for (const stream of valueStreams) {
    const role = VALUE_STREAM_ROLES[stream];
    if (!role) throw new Error(`value stream "${stream}" of the plan schema has no role in scripts/generate-snippets.mjs`);
    const title = stream.split('-').map((w) => (w === 'to' ? w : w[0].toUpperCase() + w.slice(1))).join(' ');
    const s = new Stops();
    snippets[`IT4IT value stream: ${title}`] = {
      prefix: `stream-${stream}`,
      place: 'plan-initiative',
      description: `Plan initiative in the IT4IT ${title} value stream (${role}). Put it under "initiatives:" of a plan.`,
      body: [
        `- id: ${s.placeholder(`${stream}-initiative`)}`,
        `  title: ${s.placeholder(`${title} initiative`)}`,
        `  valueStream: ${stream}`,
        `  owner: ${s.placeholder('Owner')}`,
        `  status: ${s.choice(STATUSES)}`,
        `  start: ${s.placeholder(FIRST_INITIATIVE.start)}`,
        `  end: ${s.placeholder(FIRST_INITIATIVE.end)}`,
        `  description: ${s.placeholder(`What the initiative changes in ${title}.`)}`,
        '  legacySystems:',
        `    - name: ${s.placeholder('Legacy system')}`,
        `      disposition: ${s.choice(DISPOSITIONS)}`,
        '  $0',
      ],
    };
  }
  return snippets;
}

/** The top of an assessment; `rubric` writes the rubric line (after the id, so tab stops stay in order). */
function assessmentHeader(s, rubric) {
  return [
    `apiVersion: ${API_VERSION}`,
    'kind: Assessment',
    `id: ${s.placeholder('organization')}-$CURRENT_YEAR`,
    `rubric: ${rubric(s)}`,
    'subject:',
    `  organization: ${s.placeholder('Organization')}`,
    `  unit: ${s.placeholder('Group IT')}`,
    `date: \${${++s.n}:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}`,
    'assessors:',
    `  - name: ${s.placeholder('Name')}`,
    `    role: ${s.placeholder('Role')}`,
    `summary: ${s.placeholder('The main findings, in a few sentences.')}`,
  ];
}

function skeletonSnippets(frameworks) {
  // The frameworks in the order of DIMENSION_FAMILIES (seven-attributes, the most general, first).
  const familyOrder = (id) => DIMENSION_FAMILIES.findIndex((f) => f.framework === id) >>> 0;
  const builtinIds = [...frameworks.keys()].sort((a, b) => familyOrder(a) - familyOrder(b) || a.localeCompare(b));
  const snippets = {};

  let s = new Stops();
  snippets['Rubric (new framework)'] = {
    prefix: 'rubric-rubric',
    place: 'document',
    description: 'A new rubric: a level scale with a threshold, and a first dimension with a criterion. Assessments refer to it by a relative path.',
    body: [
      `apiVersion: ${API_VERSION}`,
      'kind: Rubric',
      `id: ${s.placeholder('my-rubric')}`,
      `title: ${s.placeholder('My maturity rubric')}`,
      'version: 1.0.0',
      `description: ${s.placeholder('What the rubric measures, and for whom.')}`,
      'scoring:',
      `  method: ${s.choice(['gated', 'average', 'levelSum', 'rated'])}`,
      'levels:',
      `  - level: 1`,
      `    name: ${s.placeholder('Initial')}`,
      `  - level: 2`,
      `    name: ${s.placeholder('Developing')}`,
      `  - level: 3`,
      `    name: ${s.placeholder('Defined')}`,
      `  - level: 4`,
      `    name: ${s.placeholder('Managed')}`,
      `  - level: 5`,
      `    name: ${s.placeholder('Leading')}`,
      'threshold:',
      `  level: ${s.choice(['3', '1', '2', '4', '5'])}`,
      `  name: ${s.placeholder('Tipping point')}`,
      'dimensions:',
      `  - id: ${s.placeholder('first-dimension')}`,
      `    title: ${s.placeholder('First dimension')}`,
      '    criteria:',
      `      - id: ${s.placeholder('first-dimension-basics')}`,
      `        level: ${s.placeholder('2')}`,
      `        text: ${s.placeholder('A statement an assessor can check.')}`,
      '  $0',
    ],
  };

  s = new Stops();
  snippets['Dimension of a rubric'] = {
    prefix: 'rubric-dimension',
    place: 'rubric-dimension',
    description: 'A dimension of a rubric, with descriptors for its first levels and a criterion. Put it under "dimensions:" of a rubric.',
    body: [
      `- id: ${s.placeholder('new-dimension')}`,
      `  title: ${s.placeholder('New dimension')}`,
      `  description: ${s.placeholder('What the dimension covers and why it matters.')}`,
      '  levels:',
      `    1: ${s.placeholder('What it looks like at level 1.')}`,
      `    2: ${s.placeholder('What it looks like at level 2.')}`,
      '  criteria:',
      `    - id: ${s.placeholder('new-dimension-basics')}`,
      `      level: ${s.placeholder('2')}`,
      `      text: ${s.placeholder('A statement an assessor can check.')}`,
      '$0',
    ],
  };

  s = new Stops();
  snippets['Criterion of a rubric'] = {
    prefix: 'rubric-criterion',
    place: 'rubric-criterion',
    description: 'A criterion of a rubric dimension: a checkable statement at a level. Put it under "criteria:" of a dimension.',
    body: [
      `- id: ${s.placeholder('new-criterion')}`,
      `  level: ${s.placeholder('2')}`,
      `  text: ${s.placeholder('A statement an assessor can check.')}`,
      `  evidenceRequired: ${s.choice(['false', 'true'])}`,
      `  guidance: ${s.placeholder('What to look at, and what counts.')}`,
      '$0',
    ],
  };

  s = new Stops();
  snippets['Assessment (against a rubric file)'] = {
    prefix: 'rubric-assessment',
    place: 'document',
    description: 'A new assessment against a rubric file of your own, with one dimension entry. For a built-in framework, use rubric-assessment-<framework>.',
    body: [
      ...assessmentHeader(s, (stops) => stops.placeholder('./my-rubric.rubric.yaml')),
      'dimensions:',
      `  ${s.placeholder('first-dimension')}:`,
      `    target: ${s.placeholder('3')}`,
      '    answers:',
      `      ${s.placeholder('first-dimension-basics')}: ${s.choice(['no', 'yes'])}`,
      '  $0',
    ],
  };

  for (const [id, rubric] of frameworks) {
    s = new Stops();
    const header = assessmentHeader(s, () => id);
    const entries = rubric.dimensions.flatMap((d) => assessmentEntryLines(rubric, d, s, termOf(rubric)));
    snippets[`Assessment against ${id}`] = {
      prefix: `rubric-assessment-${id}`,
      place: 'document',
      framework: id,
      description: `A complete assessment against the built-in ${rubric.title}: every ${termOf(rubric).toLowerCase()} with a target and an answer for each criterion.`,
      body: [...header, 'dimensions:', ...indent(entries, 2), '$0'],
    };
  }

  s = new Stops();
  snippets['Plan (roadmap)'] = {
    prefix: 'rubric-plan',
    place: 'document',
    description: 'A new transformation plan over a 30-month horizon with a first initiative. Add initiatives with stream-... or rubric-initiative, and moves with attr-...-move.',
    body: [
      `apiVersion: ${API_VERSION}`,
      'kind: Plan',
      `id: ${s.placeholder('organization-roadmap')}`,
      `title: ${s.placeholder('IT maturity roadmap')}`,
      `owner: ${s.placeholder('CIO')}`,
      `rubric: ${s.choice(builtinIds)}`,
      '# baseline: ./organization-2026.assessment.yaml   (the assessment the plan starts from)',
      `description: ${s.placeholder('The vision behind the plan and the benefits it should deliver along the way.')}`,
      'horizon:',
      `  start: ${s.placeholder(HORIZON.start)}`,
      `  end: ${s.placeholder(HORIZON.end)}`,
      'initiatives:',
      `  - id: ${s.placeholder('first-initiative')}`,
      `    title: ${s.placeholder('First initiative')}`,
      `    status: ${s.choice(STATUSES)}`,
      `    start: ${s.placeholder(FIRST_INITIATIVE.start)}`,
      `    end: ${s.placeholder(FIRST_INITIATIVE.end)}`,
      '  $0',
    ],
  };

  s = new Stops();
  snippets['Initiative of a plan'] = {
    prefix: 'rubric-initiative',
    place: 'plan-initiative',
    description: 'A plan initiative with owner, status and dates. Put it under "initiatives:" of a plan; add moves with attr-...-move.',
    body: [
      `- id: ${s.placeholder('new-initiative')}`,
      `  title: ${s.placeholder('New initiative')}`,
      `  owner: ${s.placeholder('Owner')}`,
      `  status: ${s.choice(STATUSES)}`,
      `  start: ${s.placeholder(FIRST_INITIATIVE.start)}`,
      `  end: ${s.placeholder(FIRST_INITIATIVE.end)}`,
      `  description: ${s.placeholder('What the initiative does and delivers.')}`,
      '  $0',
    ],
  };
  return snippets;
}

// --- assembly -------------------------------------------------------------------------------

/** Reads the built-in frameworks, keyed by id, in file-name order. */
export function readFrameworks() {
  const files = fs.readdirSync(FRAMEWORK_DIR).filter((f) => f.endsWith('.rubric.yaml')).sort();
  const frameworks = new Map();
  for (const file of files) {
    const rubric = parse(fs.readFileSync(path.join(FRAMEWORK_DIR, file), 'utf8'));
    frameworks.set(rubric.id, rubric);
  }
  return frameworks;
}

/** The snippet file's text for the given frameworks and value streams. */
export function buildSnippetsText(frameworks = readFrameworks(), valueStreams = readValueStreams()) {
  const snippets = { ...skeletonSnippets(frameworks), ...dimensionSnippets(frameworks), ...valueStreamSnippets(valueStreams) };
  const prefixes = Object.values(snippets).map((x) => x.prefix);
  const duplicate = prefixes.find((p, i) => prefixes.indexOf(p) !== i);
  if (duplicate) throw new Error(`two snippets share the prefix "${duplicate}"`);
  const sorted = Object.entries(snippets).sort(([, a], [, b]) => a.prefix.localeCompare(b.prefix)).map(([name, snippet]) => ({ name, ...snippet }));
  const file = {
    $comment: 'Generated by scripts/generate-snippets.mjs from src/core/builtins/frameworks/*.rubric.yaml and schemas/plan.schema.json. Do not edit: run `node scripts/generate-snippets.mjs`.',
    snippets: sorted,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function readValueStreams() {
  const schema = JSON.parse(fs.readFileSync(PLAN_SCHEMA, 'utf8'));
  const values = schema.$defs?.initiative?.properties?.valueStream?.enum;
  if (!Array.isArray(values)) throw new Error('schemas/plan.schema.json has no initiative valueStream enum');
  return values;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = buildSnippetsText();
  const current = fs.existsSync(SNIPPETS_FILE) ? fs.readFileSync(SNIPPETS_FILE, 'utf8') : undefined;
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error('snippets/rubrics.snippets.json is out of date: run `node scripts/generate-snippets.mjs`.');
      process.exit(1);
    }
    console.log('snippets are up to date');
  } else {
    if (current !== text) {
      fs.mkdirSync(path.dirname(SNIPPETS_FILE), { recursive: true });
      fs.writeFileSync(SNIPPETS_FILE, text);
    }
    console.log(`generated ${JSON.parse(text).snippets.length} snippets`);
  }
}
