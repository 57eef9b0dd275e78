import type { AnswerScale, Criterion, Dimension, RubricIndex } from './core';
import { ACTION_USES, CLI_PACKAGE } from './distribution';

/**
 * The starter files of `rubrics init`. The assessment and the plan are written from the built-in
 * rubric itself (its attribute and practice ids, texts and answer scales), so they always match
 * the rubric this build ships and validate without problems.
 */

export const STARTER_RUBRIC_ID = 'seven-attributes';
export const FILE_NAMES = {
  assessment: 'baseline.assessment.yaml',
  plan: 'roadmap.plan.yaml',
  rubric: 'team-practices.rubric.yaml',
  readme: 'README.md',
} as const;
/** How many attributes the starter assessment fills in as examples. */
const EXAMPLE_DIMENSIONS = 2;

export interface StarterDates {
  /** The assessment's date: today. */
  readonly today: string;
  /** The plan's horizon: from the first day of next month, 30 months long. */
  readonly horizonStart: string;
  readonly horizonEnd: string;
  /** The example initiative: the first nine months. */
  readonly initiativeEnd: string;
}

export function starterDates(now: Date): StarterDates {
  const day = (year: number, month: number, date: number) => formatDate(new Date(year, month, date));
  const year = now.getFullYear();
  const month = now.getMonth();
  return {
    today: day(year, month, now.getDate()),
    horizonStart: day(year, month + 1, 1),
    horizonEnd: day(year, month + 31, 0),
    initiativeEnd: day(year, month + 10, 0),
  };
}

function formatDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The attributes the starter assessment fills in, and the level it aims for. */
export function exampleDimensions(rubric: RubricIndex): { dimensions: Dimension[]; target: number } {
  const dimensions = rubric.rubric.dimensions.filter((d) => (d.criteria ?? []).length > 0).slice(0, EXAMPLE_DIMENSIONS);
  const target = rubric.rubric.threshold?.level ?? rubric.maxLevel;
  return { dimensions, target };
}

export function starterAssessment(rubric: RubricIndex, dates: StarterDates): string {
  const { dimensions, target } = exampleDimensions(rubric);
  const dimensionTerm = rubric.term('dimension').toLowerCase();
  const criterionTerm = rubric.term('criterion').toLowerCase();
  const rest = rubric.rubric.dimensions.filter((d) => !dimensions.includes(d));
  const out = [
    `# Where your IT organization stands today, scored against the built-in "${rubric.rubric.id}" rubric`,
    `# (${rubric.rubric.title}).`,
    '#',
    `# Two ${dimensionTerm}s are filled in as an example. To make it yours:`,
    '#   1. Put your organization, the date of the assessment and the assessors below.',
    ...comment(`2. Answer every ${criterionTerm} as things are today. With ${rubric.method} scoring, each ${dimensionTerm} reaches a level only when every ${criterionTerm} at that level and below is met, so the report names what holds it back.`, '', '  ', '     '),
    ...comment(`3. Add the other ${dimensionTerm}s (listed at the end of this file). "npx rubrics builtins show ${rubric.rubric.id}" prints every ${criterionTerm}; in VS Code, completion offers the ids as you type.`, '', '  ', '     '),
    '#   4. Check with "npx rubrics validate", and read the scores with "npx rubrics report <this file>".',
    'apiVersion: rubrics-as-code/v1',
    'kind: Assessment',
    'id: baseline',
    'title: Where we stand today',
    `rubric: ${rubric.rubric.id}`,
    'subject:',
    '  organization: Your organization',
    '  unit: IT',
    `date: ${dates.today}`,
    'assessors:',
    '  - { name: Your name, role: Your role }',
    'summary: >-',
    '  A few sentences on what you found: the strengths to keep, and the gaps that matter most.',
    'dimensions:',
  ];
  for (const dimension of dimensions) {
    out.push(`  # ${dimension.title}`, `  ${dimension.id}:`, `    target: ${target}`, '    answers:');
    for (const criterion of dimension.criteria ?? []) {
      const scale = rubric.scaleOf(criterion);
      if (!scale) continue;
      // Met below the target, not yet at and above it: a typical starting point one level short.
      const met = criterion.level < target;
      out.push(...comment(`(level ${criterion.level}) ${criterion.text}`, '      '));
      out.push(...answerLines(criterion, answerFor(scale, met), met));
    }
    out.push('    notes: >-', '      What you saw, and who you spoke to. Notes appear in the report.');
  }
  if (rest.length > 0) {
    out.push(...comment(`Still to assess: ${rest.map((d) => d.id).join(', ')}.`, '  '));
  }
  return `${out.join('\n')}\n`;
}

function answerLines(criterion: Criterion, answer: string, met: boolean): string[] {
  const key = `      ${criterion.id}:`;
  if (!(met && criterion.evidenceRequired)) return [`${key} ${yamlScalar(answer)}`];
  // The rubric asks for proof of this one: show where it goes.
  return [
    key,
    `        answer: ${yamlScalar(answer)}`,
    '        evidence:',
    '          - { title: Replace with a link to your evidence, url: "https://intranet.example.com/evidence" }',
  ];
}

/** The best answer on the scale when met, the worst when not. */
function answerFor(scale: AnswerScale, met: boolean): string {
  const sorted = [...scale.answers].sort((a, b) => a.credit - b.credit);
  return ((met ? sorted[sorted.length - 1] : sorted[0])?.value ?? (met ? 'yes' : 'no'));
}

export function starterPlan(rubric: RubricIndex, dates: StarterDates): string {
  const { dimensions, target } = exampleDimensions(rubric);
  const first = dimensions[0];
  const moves = first ? [`      - { dimension: ${first.id}, to: ${target} }`] : [];
  return `${[
    `# A transformation roadmap: initiatives that raise ${rubric.termFor('dimension', 2)} of "${rubric.rubric.id}" from the baseline`,
    '# assessment towards their targets. Programmes like this usually take 24 to 36 months.',
    '#',
    '# To make it yours:',
    '#   1. Set the horizon to your programme\'s dates and the owner to who is accountable.',
    '#   2. Add an initiative per piece of work: when it runs, what it depends on (dependsOn), and',
    '#      which levels it moves (moves). The report shows the projected levels over time.',
    '#   3. Check with "npx rubrics validate"; in a pull request, "npx rubrics diff" shows what changed.',
    'apiVersion: rubrics-as-code/v1',
    'kind: Plan',
    'id: roadmap',
    'title: Our first roadmap',
    'owner: CIO',
    `rubric: ${rubric.rubric.id}`,
    `baseline: ./${FILE_NAMES.assessment}`,
    `horizon: { start: ${dates.horizonStart}, end: ${dates.horizonEnd} }`,
    'initiatives:',
    `  - id: ${first ? `raise-${first.id}` : 'first-initiative'}`,
    `    title: ${yamlScalar(first ? `Raise ${first.title.toLowerCase()} to level ${target}` : 'First initiative')}`,
    '    description: >-',
    '      What the initiative changes, for whom, and how you will know it worked.',
    '    owner: Head of IT strategy',
    '    status: proposed',
    `    start: ${dates.horizonStart}`,
    `    end: ${dates.initiativeEnd}`,
    '    valueStream: strategy-to-portfolio',
    ...(moves.length > 0 ? ['    moves:', ...moves] : []),
  ].join('\n')}\n`;
}

export function starterRubric(): string {
  return `# Your own rubric: replace these dimensions with what matters to your organization.
# This one is scored by rating: assessors give each dimension a level, guided by the level
# descriptions below. For scoring from yes/no practices instead, see the built-in rubrics
# ("npx rubrics builtins show seven-attributes").
#
# To score against it, write an assessment with "rubric: ./${FILE_NAMES.rubric}".
apiVersion: rubrics-as-code/v1
kind: Rubric
id: team-practices
title: Team practices
version: 0.1.0
description: >-
  How well the IT teams run day-to-day work: changes, incidents and knowledge.
scoring: { method: rated }
levels:
  - { level: 1, name: Initial, description: Depends on individuals; results vary. }
  - { level: 2, name: Developing, description: Some teams follow a shared way of working. }
  - { level: 3, name: Established, description: Every team works the same documented way. }
  - { level: 4, name: Leading, description: The way of working is measured and improved on purpose. }
threshold: { level: 3, name: Established }
dimensions:
  - id: change-management
    title: Change management
    levels:
      1: Changes go live when someone decides to; nobody checks what they might break.
      2: Larger changes are reviewed, but small ones skip the review.
      3: Every change is risk-rated, reviewed to match its risk, and recorded.
      4: Change failure rates are tracked and steer where reviews are light or strict.
  - id: incident-learning
    title: Learning from incidents
    levels:
      1: Incidents are fixed and forgotten.
      2: Major incidents get a review, when there is time.
      3: Every major incident has a blameless review with owned follow-up actions.
      4: Trends across incidents decide what gets fixed for good.
  - id: shared-knowledge
    title: Shared knowledge
    levels:
      1: Knowledge lives in people's heads and inboxes.
      2: Some teams keep notes, each in their own place.
      3: One knowledge base, with an owner for each article.
      4: Articles are reviewed on a schedule, and users solve common issues from them.
`;
}

export function starterReadme(directory: string, workflow: string): string {
  const dir = directory.replace(/\/$/, '') || '.';
  return `# Rubrics

This folder keeps maturity assessments and the transformation plan as YAML files in git, so
changes to scores are reviewed like code.

| File | What it is |
| --- | --- |
| \`${FILE_NAMES.assessment}\` | Where you stand today: an assessment against the built-in \`${STARTER_RUBRIC_ID}\` rubric. Two attributes are filled in as an example. |
| \`${FILE_NAMES.plan}\` | The roadmap: initiatives over the next 30 months that move attributes from the baseline towards their targets. |
| \`${FILE_NAMES.rubric}\` | A small rubric of your own, scored by rating. Adapt it, or delete it if the built-in rubrics are enough. |

Each file starts with comments saying what to fill in next.

## Commands

The \`rubrics\` command comes from the npm package \`${CLI_PACKAGE}\` (Node 20 or later). Add it to
the repository once, and npx runs that copy:

\`\`\`sh
${commandList([
  [`npm install --save-dev ${CLI_PACKAGE}`, 'Once: add the tool to the repository (package.json records the version).'],
  [`npx rubrics validate ${dir}`, 'Check every file (exit code 1 on errors).'],
  [`npx rubrics report ${dir}/${FILE_NAMES.assessment}`, 'The scored report, as Markdown.'],
  [`npx rubrics report ${dir}/${FILE_NAMES.assessment} --format html --out report.html`, 'The same, as a web page.'],
  [`npx rubrics diff main:${dir}/${FILE_NAMES.assessment} ${dir}/${FILE_NAMES.assessment}`, 'What changed in the scores since main.'],
  ['npx rubrics builtins', 'The rubrics that ship with the tool.'],
  [`npx rubrics builtins show ${STARTER_RUBRIC_ID}`, 'Every attribute and practice of one of them.'],
])}
\`\`\`

In VS Code, the Rubrics as Code extension checks these files as you type, completes ids, and
shows the scored report next to the editor.

## Checking in CI

Save this as \`.github/workflows/rubrics.yml\` (or run \`rubrics init --with-ci\`). On every pull
request, the Rubrics as Code Action checks the files, annotates the problems in the files the pull
request changes, and puts the score changes in the run's summary and in one comment on the pull
request, updated on each push. It needs nothing installed: not even this repository's
package.json.

\`\`\`yaml
${workflow.trimEnd()}
\`\`\`
`;
}

/** Shell commands, each after a comment that says what it does. */
function commandList(commands: readonly (readonly [string, string])[]): string {
  return commands.map(([command, what]) => `# ${what}\n${command}`).join('\n\n');
}

/** A GitHub Actions workflow for a repository whose rubric files live in `directory` (relative to its root). */
export function starterWorkflow(directory: string): string {
  const dir = directory.replace(/\/$/, '') || '.';
  return `name: rubrics
on:
  pull_request:
    paths: ['${dir === '.' ? '**' : `${dir}/**`}']
  push:
    branches: [main]
permissions:
  contents: read
  pull-requests: write # the score-diff comment on the pull request
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          fetch-depth: 0 # the base branch is needed to compare scores
      - uses: ${ACTION_USES}
        with:
          paths: ${dir}
          comment: true
`;
}

/** A comment wrapped to about 96 columns, each line after the first led by `hang` (for numbered steps). */
function comment(text: string, indent: string, lead = '', hang = lead): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const prefix = `${indent}# ${lines.length === 0 ? lead : hang}`;
    if (line && prefix.length + line.length + 1 + word.length > 96) {
      lines.push(`${prefix}${line}`);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(`${indent}# ${lines.length === 0 ? lead : hang}${line}`);
  return lines;
}

/** A YAML scalar for a short text: plain when that reads back as the same string, else double-quoted. */
function yamlScalar(text: string): string {
  const plainSafe = /^[A-Za-z][A-Za-z0-9 ._()/-]*$/.test(text) && !/^(true|false|null|~)$/i.test(text) && !/\s$/.test(text);
  return plainSafe ? text : JSON.stringify(text);
}
