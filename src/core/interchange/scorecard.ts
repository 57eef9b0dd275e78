/**
 * OpenSSF Scorecard results (`scorecard --format json`: one repository's object, an array of
 * them, or one per line as Scorecard's batch runs write them) → a Scorecard rubric and one
 * assessment per repository, so Scorecard's results sit beside an organization's own frameworks.
 *
 * The rubric is rated on 0 to 10, one dimension per check, grouped by the check's risk and
 * weighted as Scorecard weighs its aggregate score (critical 10, high 7.5, medium 5, low 2.5),
 * with a flat roll-up: the overall score is Scorecard's own aggregate, the weighted mean of the
 * checks with a result. A check Scorecard could not conclude (score -1) is not applicable, with
 * Scorecard's reason, and leaves the score as it leaves Scorecard's. The JSON does not carry a
 * check's risk: RISKS lists Scorecard's (docs/checks/internal/checks.yaml); a check it does not
 * know is left out and said so.
 */
import type { Assessment, Dimension, Rubric } from '../format/types';
import { ConversionError, isMap, text, type Conversion } from './conversion';
import { kebabId } from '../format/ids';

/** Each check's risk, as Scorecard's own documentation of its checks gives it. */
export const RISKS: Readonly<Record<string, Risk>> = {
  'Binary-Artifacts': 'High',
  'Branch-Protection': 'High',
  'CI-Tests': 'Low',
  'CII-Best-Practices': 'Low',
  'Code-Review': 'High',
  Contributors: 'Low',
  'Dangerous-Workflow': 'Critical',
  'Dependency-Update-Tool': 'High',
  Fuzzing: 'Medium',
  License: 'Low',
  Maintained: 'High',
  Packaging: 'Medium',
  'Pinned-Dependencies': 'Medium',
  SAST: 'Medium',
  SBOM: 'Medium',
  'Security-Policy': 'Medium',
  'Signed-Releases': 'High',
  'Token-Permissions': 'High',
  Vulnerabilities: 'High',
  Webhooks: 'Critical',
};
type Risk = 'Critical' | 'High' | 'Medium' | 'Low';
const WEIGHTS: Readonly<Record<Risk, number>> = { Critical: 10, High: 7.5, Medium: 5, Low: 2.5 };

export interface ScorecardCheck {
  readonly name: string;
  readonly score: number;
  readonly reason?: string;
  readonly documentation?: { readonly url?: string; readonly short?: string };
}

export interface ScorecardResult {
  /** Where it was read: `results.json`, or `results.json:3` for the third line of JSON Lines. */
  readonly where: string;
  readonly repo: string;
  readonly commit?: string;
  readonly date: string;
  readonly version?: string;
  /** Scorecard's aggregate, as it printed it (rounded to one decimal). */
  readonly score?: number;
  readonly checks: readonly ScorecardCheck[];
}

/** The results in a file: one JSON object, an array of them, or JSON Lines. */
export function parseScorecardResults(source: string, file: string): ScorecardResult[] {
  const trimmed = source.trim();
  let values: { value: unknown; where: string }[];
  try {
    const whole = JSON.parse(trimmed) as unknown;
    values = Array.isArray(whole) ? whole.map((value, i) => ({ value, where: `${file}[${i}]` })) : [{ value: whole, where: file }];
  } catch {
    values = [];
    const lines = source.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] as string).trim();
      if (line === '') continue;
      try {
        values.push({ value: JSON.parse(line) as unknown, where: `${file}:${i + 1}` });
      } catch (error) {
        throw new ConversionError(`${file}:${i + 1}: not JSON (${(error as Error).message}). "rubrics import scorecard" reads what "scorecard --format json" prints: one result, an array of them, or one per line.`);
      }
    }
  }
  if (values.length === 0) throw new ConversionError(`${file}: no Scorecard results in it.`);
  return values.map(({ value, where }) => result(value, where));
}

function result(value: unknown, where: string): ScorecardResult {
  const repo = isMap(value) && isMap(value.repo) ? text(value.repo.name) : undefined;
  if (!isMap(value) || !repo || !Array.isArray(value.checks)) throw new ConversionError(`${where}: not a Scorecard result (it needs "repo": { "name" } and "checks", as "scorecard --format json" writes them).`);
  const date = text(value.date)?.slice(0, 10);
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ConversionError(`${where}: its "date" is not a date.`);
  const checks = value.checks.filter(isMap).map((c, i) => {
    const name = text(c.name);
    const score = c.score;
    if (!name || typeof score !== 'number' || !Number.isInteger(score) || score < -1 || score > 10) throw new ConversionError(`${where}: its check ${i + 1} needs a "name" and a whole "score" from -1 to 10.`);
    const documentation = isMap(c.documentation) ? { ...(text(c.documentation.url) ? { url: text(c.documentation.url) } : {}), ...(text(c.documentation.short) ? { short: text(c.documentation.short) } : {}) } : undefined;
    return { name, score, ...(text(c.reason) ? { reason: text(c.reason) } : {}), ...(documentation ? { documentation } : {}) };
  });
  const scorecard = isMap(value.scorecard) ? value.scorecard : {};
  return {
    where,
    repo,
    ...(isMap(value.repo) && text(value.repo.commit) ? { commit: text(value.repo.commit) } : {}),
    date,
    ...(text(scorecard.version) ? { version: text(scorecard.version) } : {}),
    ...(typeof value.score === 'number' ? { score: value.score } : {}),
    checks,
  };
}

export const checkId = (name: string) => kebabId(name, 'check');

/** The Scorecard rubric for the checks these results ran. */
export function scorecardRubric(results: readonly ScorecardResult[], options: { readonly id?: string } = {}): Conversion {
  const notes: string[] = [];
  const checks = new Map<string, ScorecardCheck>();
  for (const r of results) for (const c of r.checks) if (!checks.has(c.name)) checks.set(c.name, c);
  const unknown = [...checks.keys()].filter((name) => !RISKS[name]);
  if (unknown.length) notes.push(`Scorecard's documentation gives no risk for ${unknown.join(', ')} as this tool knows it (a newer release of Scorecard?), so ${unknown.length === 1 ? 'it is' : 'they are'} left out of the rubric, and the overall score leaves ${unknown.length === 1 ? 'it' : 'them'} out too.`);
  const known = [...checks.values()].filter((c) => RISKS[c.name]).sort((a, b) => a.name.localeCompare(b.name));
  if (known.length === 0) throw new ConversionError('None of the checks in these results is one Scorecard documents a risk for.');
  const dimensions: Dimension[] = known.map((c) => {
    const risk = RISKS[c.name] as Risk;
    return {
      id: checkId(c.name),
      title: c.name,
      group: risk.toLowerCase(),
      weight: WEIGHTS[risk],
      ...(c.documentation?.short ? { description: c.documentation.short } : {}),
    };
  });
  const versions = results.map((r) => r.version?.replace(/^v/, '')).filter((v): v is string => v !== undefined && /^[0-9]+(\.[0-9]+){0,2}$/.test(v));
  const version = versions.sort(compareVersions).pop() ?? '1.0.0';
  const documentation = known.find((c) => c.documentation?.url)?.documentation?.url?.replace(/#.*$/, '');
  const rubric: Rubric = {
    apiVersion: 'rubrics-as-code/v1',
    kind: 'Rubric',
    id: options.id ?? 'openssf-scorecard',
    title: 'OpenSSF Scorecard',
    version,
    description: `The OpenSSF Scorecard checks, converted from Scorecard's results by \`rubrics import scorecard\`. Each check is rated 0 to 10 as Scorecard rated it; a check Scorecard could not conclude is not applicable. The overall score is Scorecard's aggregate: the mean of the checks weighted by their risk (critical 10, high 7.5, medium 5, low 2.5).`,
    references: [{ title: 'OpenSSF Scorecard checks', url: documentation ?? 'https://github.com/ossf/scorecard/blob/main/docs/checks.md' }],
    terms: { group: 'Risk', dimension: 'Check' },
    scoring: { method: 'rated', rollup: 'flat' },
    levels: Array.from({ length: 11 }, (_, level) => ({ level })),
    groups: (['Critical', 'High', 'Medium', 'Low'] as const).filter((risk) => known.some((c) => RISKS[c.name] === risk)).map((risk) => ({ id: risk.toLowerCase(), title: `${risk} risk` })),
    dimensions,
  };
  return { rubric, source: `OpenSSF Scorecard ${version} results (${known.length} checks)`, notes };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

export interface RepositoryAssessment {
  readonly repo: string;
  readonly assessment: Assessment;
  /** The weighted mean of its conclusive checks that the rubric has: what its report's overall score will be. */
  readonly aggregate?: number;
}

/** One assessment per result, against a Scorecard rubric (this one's dimensions, by check name). */
export function scorecardAssessments(results: readonly ScorecardResult[], rubric: Rubric, options: { readonly rubricReference: string }): { assessments: RepositoryAssessment[]; notes: string[] } {
  const notes: string[] = [];
  const dimensionOf = new Map(rubric.dimensions.map((d) => [d.title, d]));
  const seen = new Set<string>();
  const assessments = results.map((r) => {
    const dimensions: Assessment['dimensions'] = {};
    let weighted = 0;
    let weights = 0;
    for (const check of r.checks) {
      const dimension = dimensionOf.get(check.name);
      if (!dimension) {
        notes.push(`${r.where}: the rubric ${rubric.id} has no check ${check.name}; its result is left out.`);
        continue;
      }
      const reason = check.reason ? check.reason.slice(0, 2000) : undefined;
      if (check.score < 0) {
        dimensions[dimension.id] = { notApplicable: { reason: `Scorecard could not conclude${reason ? `: ${reason}` : '.'}` } };
        continue;
      }
      dimensions[dimension.id] = { level: check.score, ...(reason ? { notes: reason } : {}) };
      weighted += (dimension.weight ?? 1) * check.score;
      weights += dimension.weight ?? 1;
    }
    const aggregate = weights > 0 ? weighted / weights : undefined;
    if (aggregate !== undefined && r.score !== undefined && r.score >= 0 && Math.abs(aggregate - r.score) > 0.05 + 1e-9) notes.push(`${r.where}: Scorecard's aggregate was ${r.score}, the checks here give ${aggregate.toFixed(2)} (the rubric leaves out checks it has no risk for).`);
    const [host, owner, ...rest] = r.repo.split('/');
    const name = rest.length ? rest.join('/') : owner ?? r.repo;
    let id = kebabId(`scorecard-${owner ?? ''}-${name}-${r.date}`, 'scorecard');
    for (let n = 2; seen.has(id); n++) id = `${kebabId(`scorecard-${owner ?? ''}-${name}-${r.date}`, 'scorecard')}-${n}`;
    seen.add(id);
    const assessment: Assessment = {
      apiVersion: 'rubrics-as-code/v1',
      kind: 'Assessment',
      id,
      title: `OpenSSF Scorecard of ${r.repo}`,
      rubric: options.rubricReference,
      subject: { organization: rest.length ? `${host}/${owner}` : (host ?? r.repo), unit: name, ...(r.commit ? { scope: `Commit ${r.commit}` } : {}) },
      date: r.date,
      dimensions,
    };
    return { repo: r.repo, assessment, ...(aggregate !== undefined ? { aggregate } : {}) };
  });
  return { assessments, notes };
}
