/**
 * OWASP SAMM → a rubric. Reads the YAML data model of SAMM 2 as the official repository keeps it
 * (owaspsamm/core, folder model/, releases v2.0 to v2.2): one file per business function,
 * security practice, stream, maturity level, practice level, activity, question and answer set,
 * linked by their `id`s. The older layout of the OWASP/samm repository (`Supporting
 * Resources/v2.0/Datamodel/Datafiles`, all files in one folder) has the same fields and is read
 * the same way, since every file names its `type`.
 *
 * The rubric scores as SAMM does: levelSum over a 0 to 3 scale (a practice's score is the sum,
 * over its three maturity levels, of the mean answer of its streams' questions at that level),
 * business functions are the mean of their practices, the overall score the mean of the
 * functions. Streams become sub-groups with their own scores. Each criterion keeps SAMM's own
 * id of its activity (`{ framework: samm2, id: G-SM-A-1 }`, as the toolbox and DSOMM write it);
 * related activities become `related` (advice the report shows), not dependencies, since SAMM's
 * scores do not depend on them. The rubric's version is the release the files come from, when
 * the caller knows it (the model files themselves name only the model family, `SAMM20`).
 */
import type { Criterion, Dimension, Group, Rubric, Subgroup } from '../format/types';
import { ConversionError, isMap, paragraphs, text, type Conversion } from './conversion';
import { IdAllocator, kebabId } from '../format/ids';

/** One file of the model: where it was read from (for messages) and its parsed documents. */
export interface ModelFile {
  readonly file: string;
  readonly documents: readonly unknown[];
}

type Item = Record<string, unknown> & { readonly id: string; readonly file: string };

const TYPES = ['Function', 'Practice', 'Stream', 'MaturityLevel', 'PracticeLevel', 'Activity', 'Question', 'AnswerSet'] as const;
type SammType = (typeof TYPES)[number];

/**
 * The model's items by type; an answer set may lack its `type` (older files), so `values` marks
 * one too. Ids must be unique among the items others link to; nothing links to a question, and
 * older releases of the model do give two questions one id.
 */
function collect(files: readonly ModelFile[]): Record<SammType, Item[]> {
  const byType = Object.fromEntries(TYPES.map((t) => [t, [] as Item[]])) as Record<SammType, Item[]>;
  const seen = new Map<string, string>();
  for (const { file, documents } of files) {
    for (const doc of documents) {
      if (!isMap(doc)) continue;
      const type = (TYPES as readonly string[]).includes(String(doc.type)) ? (doc.type as SammType) : Array.isArray(doc.values) ? 'AnswerSet' : undefined;
      if (!type) continue;
      const id = text(doc.id);
      if (!id) throw new ConversionError(`${file}: this ${type} has no "id", so nothing can refer to it.`);
      if (type !== 'Question') {
        const other = seen.get(id);
        if (other) throw new ConversionError(`${file}: the id ${id} is also the id of ${other}, so what links to it is ambiguous. If the folder holds more than one copy of the model (translations), point the importer at one of them.`);
        seen.set(id, file);
      }
      byType[type].push({ ...doc, id, file });
    }
  }
  return byType;
}

/**
 * A field by its name in any letter case, or by an older spelling: releases before v2.1 write
 * `maturitylevel`, `answerset` and `relatedActivites`.
 */
function field(item: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) if (item[name] !== undefined) return item[name];
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const key = Object.keys(item).find((k) => wanted.has(k.toLowerCase()));
  return key === undefined ? undefined : item[key];
}

const order = (item: Item) => (typeof item.order === 'number' ? item.order : Number.MAX_SAFE_INTEGER);
const byOrder = (a: Item, b: Item) => order(a) - order(b);

function linked(item: Item, key: string, targets: ReadonlyMap<string, Item>, what: string): Item {
  const id = text(field(item, key));
  const target = id ? targets.get(id) : undefined;
  if (!target) throw new ConversionError(`${item.file}: its "${key}" ${id ? `(${id}) names no ${what} of the model` : `is missing; it should name a ${what}`}.`);
  return target;
}

/** Answer set ids from their file names ("A.yml", "Answer Set A.yml" → answer-set-a), in the order the files are named. */
function answerSetName(item: Item): string {
  const base = kebabId(item.file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, ''), 'answer-set');
  return base.startsWith('answer-set') ? base : `answer-set-${base}`;
}

export interface SammOptions {
  readonly id?: string;
  /** The release the files come from (`v2.2.0`, `2.1`), and how that is known, for the header. */
  readonly release?: { readonly version: string; readonly how: string };
}

export function convertSamm(files: readonly ModelFile[], options: SammOptions = {}): Conversion {
  const items = collect(files);
  const notes: string[] = [];
  for (const [type, what] of [['Function', 'business functions'], ['Practice', 'security practices'], ['Activity', 'activities'], ['MaturityLevel', 'maturity levels']] as const) {
    if (items[type].length === 0) throw new ConversionError(`No ${what} found. Point "rubrics import samm" at a checkout of the OWASP SAMM model: the repository root, or its model/ folder of YAML files.`);
  }
  const index = (type: SammType) => new Map(items[type].map((i) => [i.id, i]));
  const functions = index('Function');
  const practices = index('Practice');
  const streams = index('Stream');
  const maturity = index('MaturityLevel');
  const practiceLevels = index('PracticeLevel');
  const answerSets = index('AnswerSet');

  const levelNumber = (item: Item): number => {
    const n = item.number;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new ConversionError(`${item.file}: a maturity level needs a whole "number" from 1 up.`);
    return n;
  };
  const levels = [...maturity.values()].map((m) => ({ number: levelNumber(m), description: text(m.description) })).sort((a, b) => a.number - b.number);

  // Answer sets → answer scales.
  const scaleIds = new IdAllocator();
  const scaleOf = new Map<string, string>();
  const answerScales: NonNullable<Rubric['answerScales']> = {};
  for (const set of [...answerSets.values()].sort((a, b) => (answerSetName(a) < answerSetName(b) ? -1 : 1))) {
    const values = (Array.isArray(set.values) ? set.values : []).filter(isMap).sort((a, b) => (Number(a.order) || 0) - (Number(b.order) || 0));
    const answers = values.map((v) => {
      const value = text(v.text);
      const credit = v.value;
      if (!value || typeof credit !== 'number' || credit < 0 || credit > 1) throw new ConversionError(`${set.file}: every answer needs a "text" and a "value" from 0 to 1.`);
      if (typeof v.weight === 'number' && v.weight !== 1) notes.push(`${set.file}: the answer "${value}" has weight ${v.weight}; SAMM's scores do not use answer weights, so it is left out.`);
      return { value, credit };
    });
    if (answers.length < 2) throw new ConversionError(`${set.file}: an answer set needs at least two answers.`);
    const id = scaleIds.take(answerSetName(set));
    scaleOf.set(set.id, id);
    answerScales[id] = { answers };
  }

  // Functions → groups, practices → dimensions, streams → sub-groups.
  const groupIds = new IdAllocator();
  const groupOf = new Map<string, string>();
  const groups: Group[] = [...functions.values()].sort(byOrder).map((f) => {
    const title = text(f.name) ?? f.id;
    const id = groupIds.take(kebabId(title, 'function'));
    groupOf.set(f.id, id);
    const description = text(f.description);
    return { id, title, ...(description ? { description } : {}) };
  });
  const functionLetter = (f: Item) => (text(f.name) ?? 'x').charAt(0).toUpperCase();

  const dimensionIds = new IdAllocator();
  const criterionIds = new IdAllocator();
  const criterionOfActivity = new Map<string, { criterion: Criterion; related: string[]; file: string }>();
  const questionOf = new Map<string, Item>();
  const activitiesById = index('Activity');
  for (const q of items.Question) {
    const activity = linked(q, 'activity', activitiesById, 'activity');
    const previous = questionOf.get(activity.id);
    if (!previous || order(q) < order(previous)) questionOf.set(activity.id, q);
    if (previous) notes.push(`${q.file}: the activity of this question has another question (${previous.file}); only the first by order is kept, as the rubric asks one question per activity.`);
  }

  const dimensions: Dimension[] = [];
  const sortedPractices = [...practices.values()].sort((a, b) => {
    const fa = order(linked(a, 'function', functions, 'business function'));
    const fb = order(linked(b, 'function', functions, 'business function'));
    return fa - fb || order(a) - order(b);
  });
  for (const practice of sortedPractices) {
    const fn = linked(practice, 'function', functions, 'business function');
    const title = text(practice.name) ?? practice.id;
    const shortName = text(practice.shortName) ?? title.slice(0, 2);
    const id = dimensionIds.take(kebabId(title, 'practice'));
    const ownStreams = [...streams.values()].filter((s) => s.practice === practice.id).sort(byOrder);
    const subgroupIds = new IdAllocator();
    const subgroupOf = new Map<string, { id: string; letter: string }>();
    const subgroups: Subgroup[] = ownStreams.map((s) => {
      const letter = text(s.letter) ?? String(ownStreams.indexOf(s) + 1);
      const subgroupId = subgroupIds.take(kebabId(letter, 'stream'));
      subgroupOf.set(s.id, { id: subgroupId, letter });
      const description = text(s.description);
      return { id: subgroupId, title: text(s.name) ?? letter, ...(description ? { description } : {}) };
    });
    const descriptors: Record<string, string> = {};
    for (const pl of practiceLevels.values()) {
      if (pl.practice !== practice.id) continue;
      const objective = text(pl.objective);
      if (objective) descriptors[String(levelNumber(linked(pl, 'maturityLevel', maturity, 'maturity level')))] = objective;
    }
    const activities = items.Activity.filter((a) => subgroupOf.has(String(a.stream)));
    const criteria = activities
      .map((activity) => {
        const stream = subgroupOf.get(String(activity.stream)) as { id: string; letter: string };
        const practiceLevel = linked(activity, 'level', practiceLevels, 'practice level');
        const level = levelNumber(linked(practiceLevel, 'maturityLevel', maturity, 'maturity level'));
        const question = questionOf.get(activity.id);
        const answerSetId = question ? text(field(question, 'answerSet')) : undefined;
        const answerScale = answerSetId ? scaleOf.get(answerSetId) : undefined;
        if (answerSetId && !answerScale) throw new ConversionError(`${question?.file}: its answer set ${answerSetId} is not in the model.`);
        const title = text(activity.title);
        const guidance = paragraphs(text(activity.shortDescription), text(activity.longDescription), text(activity.benefit) ? `Benefit: ${text(activity.benefit)}` : undefined);
        const quality = question && Array.isArray(question.quality) ? question.quality.map(text).filter((q): q is string => q !== undefined) : [];
        const asked = text(question?.text) ?? text(activity.shortDescription) ?? title ?? activity.id;
        const criterion: Criterion = {
          id: criterionIds.take(kebabId(`${functionLetter(fn)}-${shortName}-${level}-${stream.letter}`, 'activity')),
          references: [{ framework: 'samm2', id: `${functionLetter(fn)}-${shortName}-${stream.letter}-${level}` }],
          ...(title ? { title } : {}),
          text: asked,
          level,
          subgroup: stream.id,
          ...(answerScale ? { answerScale } : {}),
          ...(guidance ? { guidance } : {}),
          // SAMM's interview: its question, checked against the question's quality criteria.
          ...(quality.length ? { questions: [{ ask: asked, lookFor: quality }] } : {}),
        };
        if (!question) notes.push(`${activity.file}: the activity has no question; it is answered yes or no.`);
        const relatedList = field(activity, 'relatedActivities', 'relatedActivites');
        const related = Array.isArray(relatedList) ? relatedList.map(text).filter((r): r is string => r !== undefined) : [];
        criterionOfActivity.set(activity.id, { criterion, related, file: activity.file });
        return { criterion, stream: subgroups.findIndex((s) => s.id === stream.id) };
      })
      .sort((a, b) => a.criterion.level - b.criterion.level || a.stream - b.stream)
      .map((c) => c.criterion);
    const description = paragraphs(text(practice.shortDescription), text(practice.longDescription));
    dimensions.push({
      id,
      title,
      group: groupOf.get(fn.id) as string,
      ...(description ? { description } : {}),
      ...(Object.keys(descriptors).length ? { levels: descriptors } : {}),
      ...(subgroups.length ? { subgroups } : {}),
      criteria,
    });
  }
  const orphans = items.Activity.filter((a) => !criterionOfActivity.has(a.id));
  for (const a of orphans) notes.push(`${a.file}: the activity's stream is not in the model, so it is left out.`);

  // relatedActivities: advice on what goes with an activity; SAMM's scores never wait for them.
  for (const { criterion, related, file } of criterionOfActivity.values()) {
    const ids = related.flatMap((r) => {
      const target = criterionOfActivity.get(r);
      if (!target) notes.push(`${file}: its related activity ${r} is not in the model; the link is left out.`);
      return target && target.criterion.id !== criterion.id ? [target.criterion.id] : [];
    });
    if (ids.length) (criterion as { related?: string[] }).related = [...new Set(ids)];
  }

  const family = /^SAMM(\d)\d$/.exec(text(items.Function[0]?.model) ?? '')?.[1] ?? '2';
  const release = options.release ? /^v?([0-9]+(?:\.[0-9]+){0,2})$/.exec(options.release.version.trim())?.[1] : undefined;
  if (options.release && !release) throw new ConversionError(`The release "${options.release.version}" is not a version like 2.2.0.`);
  if (!release) notes.push(`The release these files come from is not known (not a git checkout at a release tag, and no version in the folder's name), so the rubric's version is ${family}, the model family. Give it with --release (for example --release 2.2.0).`);
  const rubric: Rubric = {
    apiVersion: 'rubrics-as-code/v1',
    kind: 'Rubric',
    id: options.id ?? 'owasp-samm',
    title: 'OWASP SAMM',
    version: release ?? family,
    description: 'The OWASP Software Assurance Maturity Model, converted from its YAML data model by `rubrics import samm`. Each security practice scores from 0 to 3: the sum, over its three maturity levels, of the mean answer to its questions at that level.',
    references: [{ title: 'OWASP SAMM', url: 'https://owaspsamm.org/model/' }],
    terms: { group: 'Business function', dimension: 'Security practice', subgroup: 'Stream', criterion: 'Activity' },
    scoring: { method: 'levelSum' },
    levels: [{ level: 0 }, ...levels.map((l) => ({ level: l.number, ...(l.description ? { description: l.description } : {}) }))],
    answerScales,
    groups,
    dimensions,
  };
  const known = release && options.release ? `release ${release} (${options.release.how})` : `model family ${family}, release unknown`;
  return { rubric, source: `the OWASP SAMM YAML data model, ${known} (${items.Activity.length} activities, ${items.AnswerSet.length} answer sets)`, notes };
}
