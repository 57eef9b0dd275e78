/**
 * TypeScript view of the format (version 1). The JSON Schemas in schemas/ are the source of
 * truth for what is valid; these types describe data that has passed them.
 */

export const API_VERSION = 'rubrics-as-code/v1';
export type DocumentKind = 'Rubric' | 'Assessment' | 'Plan';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['Rubric', 'Assessment', 'Plan'];

export type ScoringMethod = 'rated' | 'gated' | 'average' | 'levelSum';
export const DEFAULT_ANSWER_SCALE = 'yes-no';

export interface LevelDefinition {
  level: number;
  name: string;
  description?: string;
}

export interface AnswerOption {
  value: string;
  credit: number;
  description?: string;
}

export interface AnswerScale {
  description?: string;
  answers: AnswerOption[];
}

export interface Criterion {
  id: string;
  text: string;
  level: number;
  weight?: number;
  evidenceRequired?: boolean;
  answerScale?: string;
  guidance?: string;
}

export interface Metric {
  id: string;
  name: string;
  unit?: string;
  higherIsBetter?: boolean;
  benchmark?: { value: number; source?: string; note?: string };
  description?: string;
}

export interface Dimension {
  id: string;
  title: string;
  group?: string;
  weight?: number;
  description?: string;
  levels?: Record<string, string>;
  criteria?: Criterion[];
  metrics?: Metric[];
}

export interface Group {
  id: string;
  title: string;
  description?: string;
  weight?: number;
}

export interface Rubric {
  apiVersion: string;
  kind: 'Rubric';
  id: string;
  title: string;
  version: string;
  description?: string;
  references?: { title: string; url?: string }[];
  terms?: { group?: string; dimension?: string; criterion?: string };
  scoring?: { method: ScoringMethod; passCredit?: number };
  levels: LevelDefinition[];
  threshold?: { level: number; name?: string; description?: string };
  answerScales?: Record<string, AnswerScale>;
  defaultAnswerScale?: string;
  groups?: Group[];
  dimensions: Dimension[];
}

export type Evidence = string | { title?: string; url: string };

export interface NotApplicable {
  reason: string;
}

export interface Exemption {
  reason: string;
  approver: string;
  expires: string;
}

export interface AnswerDetail {
  answer?: string | boolean;
  evidence?: Evidence[];
  note?: string;
  notApplicable?: NotApplicable;
  exemption?: Exemption;
}

export type AnswerEntry = string | boolean | AnswerDetail;

export interface MetricValueDetail {
  value: number;
  note?: string;
}

export interface DimensionResult {
  level?: number;
  target?: number;
  answers?: Record<string, AnswerEntry>;
  evidence?: Evidence[];
  notes?: string;
  metrics?: Record<string, number | MetricValueDetail>;
  notApplicable?: NotApplicable;
  exemption?: Exemption;
}

export interface Assessment {
  apiVersion: string;
  kind: 'Assessment';
  id: string;
  title?: string;
  rubric: string;
  subject: { organization: string; unit?: string; scope?: string };
  date: string;
  assessors?: { name: string; role?: string }[];
  summary?: string;
  dimensions: Record<string, DimensionResult>;
}

export type InitiativeStatus = 'proposed' | 'planned' | 'in-progress' | 'done' | 'on-hold' | 'cancelled';
export type ValueStream = 'strategy-to-portfolio' | 'requirement-to-deploy' | 'request-to-fulfill' | 'detect-to-correct';
export type Disposition = 'retain' | 'modernize' | 'replace' | 'retire' | 'outsource';
export type RiskRating = 'low' | 'medium' | 'high';

export const VALUE_STREAMS: Readonly<Record<ValueStream, string>> = {
  'strategy-to-portfolio': 'Strategy to Portfolio',
  'requirement-to-deploy': 'Requirement to Deploy',
  'request-to-fulfill': 'Request to Fulfill',
  'detect-to-correct': 'Detect to Correct',
};

export interface Move {
  dimension: string;
  from?: number;
  to: number;
}

export interface Initiative {
  id: string;
  title: string;
  description?: string;
  owner?: string;
  status?: InitiativeStatus;
  start: string;
  end: string;
  moves?: Move[];
  dependsOn?: string[];
  valueStream?: ValueStream;
  legacySystems?: { name: string; disposition: Disposition; note?: string }[];
  risks?: { description: string; likelihood?: RiskRating; impact?: RiskRating; mitigation?: string }[];
  kpis?: { name: string; unit?: string; baseline?: number; target: number; higherIsBetter?: boolean }[];
}

export interface Plan {
  apiVersion: string;
  kind: 'Plan';
  id: string;
  title: string;
  description?: string;
  owner?: string;
  rubric: string;
  baseline?: string;
  horizon: { start: string; end: string };
  initiatives: Initiative[];
}

export type RubricDocument = Rubric | Assessment | Plan;
