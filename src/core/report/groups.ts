import { groupWeight, type RubricIndex } from '../domain/rubricIndex';
import type { GroupScore } from '../scoring/types';
import { pluralize } from '../text/plural';
import type { ReportGroup } from './model';

/**
 * The rubric's groups in order, each with its dimensions, then (without an id) the dimensions
 * that belong to no known group. A rubric without groups gives one untitled group. With an
 * assessment's group scores, each group's weight, score and target are the ones scoring used.
 */
export function groupDimensions(index: RubricIndex, scores: readonly GroupScore[] = []): ReportGroup[] {
  const groups: ReportGroup[] = [];
  const placed = new Set<string>();
  for (const group of index.groups.values()) {
    const members = [...new Set(index.rubric.dimensions.filter((d) => d.group === group.id).map((d) => d.id))];
    members.forEach((id) => placed.add(id));
    const score = scores.find((s) => s.id === group.id);
    groups.push({
      id: group.id,
      title: group.title,
      ...(group.description ? { description: group.description } : {}),
      weight: score ? score.weight : groupWeight(group),
      ...(score?.score !== undefined ? { score: score.score } : {}),
      ...(score?.target !== undefined ? { target: score.target } : {}),
      dimensions: members,
    });
  }
  const rest = [...new Set(index.rubric.dimensions.map((d) => d.id))].filter((id) => !placed.has(id));
  if (rest.length > 0) groups.push({ ...(groups.length > 0 ? { title: `Other ${pluralize(index.term('dimension').toLowerCase())}` } : {}), dimensions: rest });
  return groups.filter((g) => g.dimensions.length > 0);
}
