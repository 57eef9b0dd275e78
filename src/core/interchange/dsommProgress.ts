/**
 * OWASP DSOMM team progress → one assessment per team, against the DSOMM rubric `rubrics import
 * dsomm` wrote. The DSOMM application exports, from the browser, its teams' progress
 * (`team-progress.yaml`: `progress:` → activity uuid → team → progress stage → the date it was
 * reached) and their evidence (`team-evidence.yaml`: `evidence:` → activity uuid → entries with
 * teams, title, date, reviewer, description and attachment links); older releases kept
 * `teamsImplemented` and `teamsEvidence` on each activity of the model file itself. Activities
 * are matched by uuid (the rubric keeps them as `dsomm` references). A team's answer is the most
 * advanced stage it reached, as the application shows it, mapped by its share to the rubric's
 * progress scale; the stages' dates go into the answer's note, and evidence links into its
 * evidence. The progress stages are DSOMM's defaults unless the application's meta.yaml defines
 * others (`progressDefinition`).
 */
import type { RubricIndex } from '../domain/rubricIndex';
import { classifyLink } from '../domain/links';
import type { AnswerDetail, Assessment, Criterion, Dimension } from '../format/types';
import { isMap, text } from './conversion';
import { IdAllocator } from '../format/ids';

export interface DsommProgressSources {
  /** The parsed team progress file (or, before DSOMM 4, the model file with teamsImplemented). */
  readonly progress: unknown;
  readonly progressFile: string;
  /** The parsed team evidence file, when given. */
  readonly evidence?: unknown;
  readonly evidenceFile?: string;
  /** The application's meta.yaml, when its progress stages are not DSOMM's defaults. */
  readonly meta?: unknown;
}

export interface TeamAssessment {
  readonly team: string;
  readonly assessment: Assessment;
  readonly answered: number;
}

export interface DsommProgressImport {
  readonly teams: readonly TeamAssessment[];
  /** What stops the import (a file that is not team progress, a rubric without uuids). */
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

export interface DsommProgressOptions {
  readonly rubricReference: string;
  readonly organization: string;
  /** The date of a team without dated progress (YYYY-MM-DD). */
  readonly defaultDate: string;
}

/** DSOMM's default progress stages and the share each stands for. */
const DEFAULT_STAGES: Readonly<Record<string, number>> = { 'Not implemented': 0, Started: 0.2, 'Partly implemented': 0.5, 'Fully implemented': 1 };

interface Reached {
  readonly stage: string;
  readonly share: number;
  readonly date?: string;
}

export function readDsommProgress(sources: DsommProgressSources, index: RubricIndex, options: DsommProgressOptions): DsommProgressImport {
  const problems: string[] = [];
  const notes: string[] = [];
  const byUuid = new Map<string, { criterion: Criterion; dimension: Dimension }>();
  for (const dimension of index.rubric.dimensions) {
    for (const criterion of dimension.criteria ?? []) for (const ref of criterion.references ?? []) if (ref.framework === 'dsomm' && ref.id) byUuid.set(ref.id, { criterion, dimension });
  }
  if (byUuid.size === 0) return { teams: [], problems: [`The rubric ${index.rubric.id} names no DSOMM activity uuids (dsomm references): import the model again with this version of "rubrics import dsomm", which keeps them.`], notes };
  const stages = progressStages(sources.meta, problems);

  /** team → activity uuid → what it reached and its evidence. */
  const teams = new Map<string, Map<string, { reached: Reached[]; evidence: { title?: string; url: string; asOf?: string }[]; evidenceNotes: string[] }>>();
  const entry = (team: string, uuid: string) => {
    let activities = teams.get(team);
    if (!activities) teams.set(team, (activities = new Map()));
    let found = activities.get(uuid);
    if (!found) activities.set(uuid, (found = { reached: [], evidence: [], evidenceNotes: [] }));
    return found;
  };
  const unknown = new Set<string>();
  const known = (uuid: string) => {
    if (byUuid.has(uuid)) return true;
    unknown.add(uuid);
    return false;
  };

  const progress = isMap(sources.progress) ? sources.progress : undefined;
  if (progress && isMap(progress.progress)) {
    for (const [uuid, byTeam] of Object.entries(progress.progress)) {
      if (!isMap(byTeam) || !known(uuid)) continue;
      for (const [team, byStage] of Object.entries(byTeam)) {
        if (!isMap(byStage)) continue;
        for (const [stage, date] of Object.entries(byStage)) {
          const share = stages.get(stage);
          if (share === undefined) {
            problems.push(`${sources.progressFile}: progress.${uuid}.${team}: the stage "${stage}" is none of ${[...stages.keys()].map((s) => `"${s}"`).join(', ')}. Give the application's meta.yaml (--meta) when it defines its own stages.`);
            continue;
          }
          entry(team, uuid).reached.push({ stage, share, ...(dateText(date) ? { date: dateText(date) as string } : {}) });
        }
      }
    }
  } else if (progress && legacyActivities(progress).length > 0) {
    for (const activity of legacyActivities(progress)) {
      const uuid = text(activity.uuid) as string;
      if (!known(uuid)) continue;
      const implemented = isMap(activity.teamsImplemented) ? activity.teamsImplemented : {};
      for (const [team, done] of Object.entries(implemented)) {
        const stage = done === true ? 'Fully implemented' : 'Not implemented';
        entry(team, uuid).reached.push({ stage, share: done === true ? 1 : 0 });
      }
      const evidence = isMap(activity.teamsEvidence) ? activity.teamsEvidence : {};
      for (const [team, said] of Object.entries(evidence)) if (text(said)) entry(team, uuid).evidenceNotes.push(`Evidence: ${text(said)}`);
    }
  } else {
    problems.push(`${sources.progressFile}: no team progress found. Export it from the DSOMM application (Teams › Export team progress, team-progress.yaml, with "progress:" at its top), or give an older release's model file with teamsImplemented.`);
  }

  if (sources.evidence !== undefined) {
    const evidence = isMap(sources.evidence) && isMap(sources.evidence.evidence) ? sources.evidence.evidence : undefined;
    if (!evidence) problems.push(`${sources.evidenceFile}: no team evidence found ("evidence:" at its top, as the DSOMM application exports team-evidence.yaml).`);
    for (const [uuid, entries] of Object.entries(evidence ?? {})) {
      if (!Array.isArray(entries) || !known(uuid)) continue;
      for (const item of entries) {
        if (!isMap(item)) continue;
        const title = text(item.title);
        const recorded = dateText(item.evidenceRecorded);
        const reviewer = text(item.reviewer);
        const description = text(item.description);
        const links = (Array.isArray(item.attachment) ? item.attachment : []).filter(isMap).map((a) => text(a.externalLink)).filter((l): l is string => l !== undefined);
        for (const team of (Array.isArray(item.teams) ? item.teams : []).map(text).filter((t): t is string => t !== undefined)) {
          const target = entry(team, uuid);
          for (const url of links) {
            const verdict = classifyLink(url);
            if (verdict.safe) target.evidence.push({ ...(title ? { title } : {}), url, ...(recorded ? { asOf: recorded } : {}) });
            else notes.push(`${sources.evidenceFile}: evidence.${uuid}: the link "${url}" is left out: ${verdict.reason}`);
          }
          const said = [recorded ? `recorded ${recorded}` : undefined, reviewer ? `reviewed by ${reviewer}` : undefined].filter(Boolean).join(', ');
          if (description || (!links.length && title)) target.evidenceNotes.push(`Evidence${title ? ` "${title}"` : ''}${said ? ` (${said})` : ''}${description ? `: ${description}` : '.'}`);
        }
      }
    }
  }
  if (unknown.size) notes.push(`${unknown.size} activit${unknown.size === 1 ? 'y is' : 'ies are'} not in the rubric ${index.rubric.id} (custom activities, or another release of DSOMM) and ${unknown.size === 1 ? 'is' : 'are'} left out: ${[...unknown].join(', ')}.`);

  const out: TeamAssessment[] = [];
  // Two teams whose names read alike in kebab-case ("Team A", "team-a") get ids and files of their own.
  const ids = new IdAllocator();
  for (const [team, activities] of [...teams].sort(([a], [b]) => a.localeCompare(b))) {
    const dimensions: Assessment['dimensions'] = {};
    let answered = 0;
    let latest: string | undefined;
    for (const [uuid, found] of activities) {
      const { criterion, dimension } = byUuid.get(uuid) as { criterion: Criterion; dimension: Dimension };
      const reached = [...found.reached].sort((a, b) => a.share - b.share);
      const top = reached[reached.length - 1];
      for (const r of reached) if (r.date && (!latest || r.date > latest)) latest = r.date;
      const answer = top ? answerFor(index, criterion, top.share) : undefined;
      const dated = reached.filter((r) => r.date && r.share > 0);
      const note = [
        dated.length ? `DSOMM progress: ${dated.map((r) => `${r.stage} on ${r.date}`).join('; ')}.` : undefined,
        top && answer && answer.credit !== top.share ? `Reached "${top.stage}", which the rubric's scale has no answer for; answered "${answer.value}".` : undefined,
        ...found.evidenceNotes,
      ].filter((n): n is string => n !== undefined);
      if (!answer && found.evidence.length === 0 && note.length === 0) continue;
      const detail: AnswerDetail = {
        ...(answer ? { answer: answer.value } : {}),
        ...(found.evidence.length ? { evidence: found.evidence.map((e) => (e.title || e.asOf ? e : e.url)) } : {}),
        ...(note.length ? { note: note.join('\n\n') } : {}),
      };
      const answers = ((dimensions[dimension.id] ??= { answers: {} }).answers ??= {});
      answers[criterion.id] = Object.keys(detail).length === 1 && detail.answer !== undefined ? detail.answer : detail;
      if (answer) answered++;
    }
    out.push({
      team,
      answered,
      assessment: {
        apiVersion: 'rubrics-as-code/v1',
        kind: 'Assessment',
        id: ids.take(teamSlug(team)),
        title: `DSOMM progress of ${team}`,
        rubric: options.rubricReference,
        subject: { organization: options.organization, unit: team },
        date: latest ?? options.defaultDate,
        dimensions: sortedLike(index, dimensions),
      },
    });
  }
  return { teams: out, problems, notes };
}

/** The scale's answer whose credit is the stage's share; else the highest below it (a yes-no rubric takes "no" for a stage on the way). */
function answerFor(index: RubricIndex, criterion: Criterion, share: number): { value: string; credit: number } | undefined {
  const answers = index.scaleOf(criterion)?.answers ?? [];
  const exact = answers.find((a) => Math.abs(a.credit - share) < 1e-9);
  if (exact) return exact;
  return [...answers].filter((a) => a.credit <= share).sort((a, b) => b.credit - a.credit)[0];
}

/** The progress stages and their shares: from meta.yaml's progressDefinition (`score: 20%`), or DSOMM's defaults. */
function progressStages(meta: unknown, problems: string[]): Map<string, number> {
  const defined = isMap(meta) && isMap(meta.progressDefinition) ? meta.progressDefinition : undefined;
  if (!defined) return new Map(Object.entries(DEFAULT_STAGES));
  const stages = new Map<string, number>();
  for (const [stage, definition] of Object.entries(defined)) {
    const score = isMap(definition) ? definition.score : undefined;
    const share = typeof score === 'number' ? (score > 1 ? score / 100 : score) : typeof score === 'string' && /^\d+(\.\d+)?%$/.test(score.trim()) ? Number(score.trim().slice(0, -1)) / 100 : undefined;
    if (share === undefined || share < 0 || share > 1) problems.push(`meta.yaml: progressDefinition.${stage}: its score should be a share such as 20%.`);
    else stages.set(stage, share);
  }
  return stages;
}

/** The activities of an older release's model file that carry team progress. */
function legacyActivities(model: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const dimension of Object.values(model)) {
    if (!isMap(dimension)) continue;
    for (const sub of Object.values(dimension)) {
      if (!isMap(sub)) continue;
      for (const activity of Object.values(sub)) if (isMap(activity) && text(activity.uuid) && (isMap(activity.teamsImplemented) || isMap(activity.teamsEvidence))) out.push(activity);
    }
  }
  return out;
}

function dateText(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const t = text(value);
  return t && /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : undefined;
}

/** The dimensions in the rubric's order, so each team's file reads in the order of the model. */
function sortedLike(index: RubricIndex, dimensions: Assessment['dimensions']): Assessment['dimensions'] {
  return Object.fromEntries(index.rubric.dimensions.filter((d) => dimensions[d.id]).map((d) => {
    const answers = dimensions[d.id]?.answers ?? {};
    const order = (d.criteria ?? []).map((c) => c.id).filter((id) => id in answers);
    return [d.id, { answers: Object.fromEntries(order.map((id) => [id, answers[id] as NonNullable<(typeof answers)[string]>])) }];
  }));
}

/** A team's assessment id and file name: dsomm-<team in kebab-case>. */
export function teamSlug(team: string): string {
  const words = team.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return ['dsomm', ...words].join('-').slice(0, 200).replace(/-+$/, '');
}
