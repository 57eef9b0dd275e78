/**
 * OWASP DSOMM → a rubric. Reads the generated model file of the DevSecOps Maturity Model
 * (`generated/model.yaml` of devsecopsmaturitymodel/DevSecOps-MaturityModel-data, releases 1.x to
 * 4.x): an optional first document with `meta` (the model's version), then dimensions →
 * sub-dimensions → activities keyed by name, each with a `uuid`, a `level` from 1 to 5, its
 * texts (`description`, `risk`, `measure`, `assessment`), `dependsOn` (uuids, or names in older
 * releases), `references` (samm2, iso27001-2017, iso27001-2022, openCRE...), `implementation`
 * tools, `tags`, `difficultyOfImplementation` and `usefulness`.
 *
 * The rubric scores as DSOMM reads a sub-dimension: gated on a 0 to 5 scale, where a level is
 * reached when every activity at it and below is implemented. Level 0 is "none yet", so level 1
 * has to be earned. Sub-dimensions roll up into their dimensions, and those into the whole.
 * Activities are answered on DSOMM's own progress stages (DSOMM_PROGRESS: no, started, partly,
 * yes; only yes implements an activity, as in DSOMM). Each criterion keeps the activity's uuid
 * (`{ framework: dsomm, id: … }`, which team progress is matched by), every tool of its
 * implementation (name, link and description) and the activity's comments.
 */
import type { Criterion, CriterionReference, Dimension, Group, Rubric } from '../format/types';
import { ConversionError, isMap, paragraphs, text, type Conversion } from './conversion';
import { IdAllocator, kebabId } from '../format/ids';

/** DSOMM's reference keys, as the format's framework names. */
const FRAMEWORKS: Readonly<Record<string, string>> = { samm2: 'samm2', 'iso27001-2017': 'iso-27001-2017', 'iso27001-2022': 'iso-27001-2022' };

const isRating = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;

function references(activity: Record<string, unknown>): CriterionReference[] {
  const out: CriterionReference[] = [];
  if (isMap(activity.references)) {
    for (const [key, values] of Object.entries(activity.references)) {
      for (const value of Array.isArray(values) ? values : [values]) {
        const id = text(value);
        if (!id) continue;
        if (/^https?:\/\//.test(id)) out.push({ title: key === 'openCRE' ? 'OpenCRE' : key, url: id });
        else out.push({ framework: FRAMEWORKS[key] ?? kebabId(key, 'framework'), id });
      }
    }
  }
  for (const tool of Array.isArray(activity.implementation) ? activity.implementation : []) {
    if (!isMap(tool)) continue;
    const title = text(tool.name);
    const url = text(tool.url);
    const description = text(tool.description);
    if (title || url) out.push({ ...(title ? { title } : {}), ...(url ? { url } : {}), ...(description ? { description } : {}) });
  }
  return out;
}

/**
 * DSOMM's progress stages as an answer scale, with the credit of each stage's share in DSOMM's
 * default definitions; `no` and `yes` stay the answers they always were. Gated scoring counts an
 * activity only at full credit, so only `yes` implements it, as DSOMM counts it.
 */
export const DSOMM_PROGRESS = 'dsomm-progress';
const PROGRESS_SCALE = {
  description: 'How far an activity is in place, in the stages of the DSOMM application\'s team progress. Only "yes" counts as implemented.',
  answers: [
    { value: 'no', credit: 0, description: 'Not implemented: not started, nor planned.' },
    { value: 'started', credit: 0.2, description: 'Started: begun, or in place for a few applications.' },
    { value: 'partly', credit: 0.5, description: 'Partly implemented: in place for at least half of the applications.' },
    { value: 'yes', credit: 1, description: 'Fully implemented: in place for all or nearly all applications.' },
  ],
};

export function convertDsomm(documents: readonly unknown[], file: string, options: { readonly id?: string } = {}): Conversion {
  const meta = documents.find((d) => isMap(d) && isMap(d.meta)) as { meta: Record<string, unknown> } | undefined;
  const model = documents.find((d) => isMap(d) && !isMap(d.meta) && Object.values(d).some(isMap)) as Record<string, unknown> | undefined;
  if (!model) throw new ConversionError(`${file}: no dimensions found. "rubrics import dsomm" reads DSOMM's generated model (generated/model.yaml): dimensions, then sub-dimensions, then activities.`);
  const notes: string[] = [];
  const groupIds = new IdAllocator();
  const dimensionIds = new IdAllocator();
  const criterionIds = new IdAllocator();
  const groups: Group[] = [];
  const dimensions: Dimension[] = [];
  /** uuid and name → criterion id, to resolve dependsOn. */
  const byKey = new Map<string, string>();
  const pending: { criterion: Criterion; dependsOn: string[]; where: string }[] = [];
  let maxLevel = 0;

  for (const [dimensionName, subDimensions] of Object.entries(model)) {
    if (!isMap(subDimensions)) continue;
    const group = groupIds.take(kebabId(dimensionName, 'dimension'));
    groups.push({ id: group, title: dimensionName });
    for (const [subName, activities] of Object.entries(subDimensions)) {
      if (!isMap(activities)) continue;
      const criteria: Criterion[] = [];
      for (const [name, activity] of Object.entries(activities)) {
        if (!isMap(activity)) continue;
        const where = `${dimensionName} › ${subName} › ${name}`;
        const level = activity.level;
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1) throw new ConversionError(`${file}: the activity "${where}" needs a whole "level" from 1 up.`);
        maxLevel = Math.max(maxLevel, level);
        const id = criterionIds.take(kebabId(name, 'activity'));
        const uuid = text(activity.uuid);
        if (uuid) byKey.set(uuid, id);
        byKey.set(name, id);
        const implementationGuide = isMap(activity.meta) ? text(activity.meta.implementationGuide) : undefined;
        const comments = text(activity.comments);
        const guidance = paragraphs(
          text(activity.description),
          text(activity.risk) ? `Risk: ${text(activity.risk)}` : undefined,
          text(activity.assessment) ? `How to assess:\n\n${text(activity.assessment)}` : undefined,
          implementationGuide ? `Implementation: ${implementationGuide}` : undefined,
          comments ? `Comments: ${comments}` : undefined,
        );
        const difficulty = isMap(activity.difficultyOfImplementation) ? activity.difficultyOfImplementation : {};
        const ratings = Object.fromEntries((['knowledge', 'time', 'resources'] as const).filter((k) => isRating(difficulty[k])).map((k) => [k, difficulty[k] as number]));
        const tags = (Array.isArray(activity.tags) ? activity.tags : []).map(text).filter((t): t is string => t !== undefined && t !== 'none');
        const refs = [...(uuid ? [{ framework: 'dsomm', id: uuid }] : []), ...references(activity)];
        const criterion: Criterion = {
          id,
          title: name,
          text: text(activity.measure) ?? text(activity.description) ?? name,
          level,
          ...(guidance ? { guidance } : {}),
          ...(refs.length ? { references: refs } : {}),
          ...(tags.length ? { tags: [...new Set(tags)] } : {}),
          ...(Object.keys(ratings).length ? { difficulty: ratings } : {}),
          ...(isRating(activity.usefulness) ? { usefulness: activity.usefulness } : {}),
        };
        const dependsOn = (Array.isArray(activity.dependsOn) ? activity.dependsOn : []).map(text).filter((d): d is string => d !== undefined);
        pending.push({ criterion, dependsOn, where });
        criteria.push(criterion);
      }
      if (criteria.length === 0) continue;
      dimensions.push({ id: dimensionIds.take(kebabId(subName, 'sub-dimension')), title: subName, group, criteria: criteria.sort((a, b) => a.level - b.level) });
    }
  }
  if (dimensions.length === 0) throw new ConversionError(`${file}: no activities found under the dimensions and sub-dimensions.`);

  for (const { criterion, dependsOn, where } of pending) {
    const ids = dependsOn.flatMap((dep) => {
      const id = byKey.get(dep);
      if (!id) notes.push(`${file}: "${where}" depends on ${dep}, which is no activity of the model; the dependency is left out.`);
      return id && id !== criterion.id ? [id] : [];
    });
    if (ids.length) (criterion as { dependsOn?: string[] }).dependsOn = [...new Set(ids)];
  }

  const version = text(meta?.meta.version);
  const rubric: Rubric = {
    apiVersion: 'rubrics-as-code/v1',
    kind: 'Rubric',
    id: options.id ?? 'owasp-dsomm',
    title: 'OWASP DevSecOps Maturity Model',
    version: version && /^[0-9]+(\.[0-9]+){0,2}$/.test(version) ? version : '1.0.0',
    description: 'The OWASP DevSecOps Maturity Model, converted from its generated model by `rubrics import dsomm`. A sub-dimension reaches a level when every activity at that level and below is implemented (gated scoring); level 0 means none yet.',
    references: [{ title: 'OWASP DevSecOps Maturity Model', url: 'https://dsomm.owasp.org/' }],
    terms: { group: 'Dimension', dimension: 'Sub-dimension', criterion: 'Activity' },
    scoring: { method: 'gated' },
    answerScales: { [DSOMM_PROGRESS]: PROGRESS_SCALE },
    defaultAnswerScale: DSOMM_PROGRESS,
    levels: Array.from({ length: Math.max(maxLevel, 1) + 1 }, (_, level) => ({ level })),
    groups,
    dimensions,
  };
  return { rubric, source: `the OWASP DSOMM generated model${version ? ` ${version}` : ''} (${pending.length} activities)`, notes };
}
