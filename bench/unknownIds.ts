/**
 * Deterministic generator of "did you mean" work: a rubric of `count` criteria, each depending on
 * an id that is not one of them, as a rubric being edited might (a typo of one or two edits, a
 * renamed or a removed criterion). Every unknown id is looked up against all `count` criterion ids.
 * Used by the benchmark (bench/run.ts) and by the test that holds the search to the exhaustive one
 * (test/core/text/suggest.test.ts).
 */
import { Random } from './generate';
import { ratedRubricHeader } from './hostile';

const AREAS = [
  'service-catalogue', 'self-service', 'incident-response', 'change-enablement', 'knowledge-sharing', 'cost-transparency',
  'supplier-governance', 'data-stewardship', 'security-operations', 'release-automation', 'capacity-planning', 'customer-feedback',
  'skills-development', 'architecture-runway', 'observability', 'continuity-planning', 'portfolio-steering', 'legacy-retirement',
];
const PRACTICES = [
  'named-owner', 'shared-tool', 'agreed-targets', 'monthly-report', 'root-cause-review', 'versioned-procedure', 'routine-automation',
  'cost-allocation', 'supplier-list', 'status-page', 'lessons-learned', 'risk-register', 'peer-review', 'runbook', 'on-call-rota',
  'post-incident-review', 'capacity-forecast', 'test-coverage', 'access-review', 'backup-restore-test', 'training-plan', 'survey',
];
const SCOPES = ['central', 'regional', 'partner', 'cloud', 'on-premises', 'shared', 'critical', 'internal', 'external', 'pilot', 'core', 'edge', 'legacy', 'new', 'all', 'field', 'retail', 'finance', 'hr', 'group', 'ops', 'web', 'mobile'];

/** `count` distinct criterion ids (area, practice, scope), in a seeded order. */
export function criterionIds(count: number, random: Random): string[] {
  const all: string[] = [];
  for (const area of AREAS) for (const practice of PRACTICES) for (const scope of SCOPES) all.push(`${area}-${practice}-${scope}`);
  if (count > all.length) throw new Error(`At most ${all.length} distinct ids; asked for ${count}.`);
  for (let i = all.length - 1; i > 0; i--) {
    const k = random.int(0, i);
    [all[i], all[k]] = [all[k] as string, all[i] as string];
  }
  return all.slice(0, count);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz-';

function oneEdit(random: Random, id: string): string {
  const at = random.int(0, id.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      return id.slice(0, at) + id.slice(at + 1);
    case 1:
      return id.slice(0, at) + id[at + 1] + id[at] + id.slice(at + 2);
    case 2:
      return id.slice(0, at) + random.pick([...LETTERS]) + id.slice(at);
    default:
      return id.slice(0, at) + random.pick([...LETTERS]) + id.slice(at + 1);
  }
}

/** An id that is not in `known`: mostly typos of a known id, some renamed or removed criteria. */
export function unknownIdNear(random: Random, known: readonly string[], isKnown: (id: string) => boolean): string {
  for (;;) {
    const id = random.pick(known);
    const roll = random.next();
    const unknown =
      roll < 0.5 ? oneEdit(random, id) : roll < 0.7 ? oneEdit(random, oneEdit(random, id)) : roll < 0.85 ? `${id}-${random.pick(['old', 'v2', 'draft'])}` : `${random.pick(PRACTICES)}-${random.int(1, 99)}`;
    if (!isKnown(unknown)) return unknown;
  }
}

export interface UnknownIdCase {
  readonly known: string[];
  readonly unknown: string[];
}

/** `count` known ids and `count` unknown ones. */
export function unknownIdCase(count: number, seed = 17): UnknownIdCase {
  const random = new Random(seed ^ count);
  const known = criterionIds(count, random);
  const set = new Set(known);
  const unknown = known.map(() => unknownIdNear(random, known, (id) => set.has(id)));
  return { known, unknown };
}

/** The rubric of a case: its criteria in dimensions of 1,000, criterion i depending on unknown id i. */
export function unknownIdRubric({ known, unknown }: UnknownIdCase, spellDependenciesRight = false): string {
  const out = ratedRubricHeader('did-you-mean', 'Rubric whose criteria depend on criteria that are not there');
  const perDimension = 1_000;
  for (let start = 0; start < known.length; start += perDimension) {
    out.push(`  - id: part-${start / perDimension + 1}`, `    title: Part ${start / perDimension + 1}`, '    criteria:');
    for (let i = start; i < Math.min(known.length, start + perDimension); i++) {
      // Spelled right, each depends on the next one (the last on none): the same rules run, with nothing unknown.
      const dependency = spellDependenciesRight ? known[i + 1] : unknown[i];
      out.push(`      - { id: ${known[i]}, text: Practice ${i + 1}., level: 2${dependency !== undefined ? `, dependsOn: [${dependency}]` : ''} }`);
    }
  }
  return out.join('\n') + '\n';
}
