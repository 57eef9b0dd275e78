import { evidenceAge, evidenceAsOf, type EvidencePolicy } from '../domain/evidence';
import { evidenceUrl, isSafeUrl } from '../domain/links';
import type { Evidence } from '../format/types';
import type { ReportLink } from './model';

/** An evidence entry as a report link, marked safe or not by the one link policy. */
export function reportLink(evidence: Evidence): ReportLink {
  const url = evidenceUrl(evidence);
  return { url, ...(typeof evidence !== 'string' && evidence.title ? { title: evidence.title } : {}), safe: isSafeUrl(url) };
}

/** An evidence entry of an assessment as a report link, with its date and age on `onDate` (domain/evidence.ts). */
export function reportEvidence(evidence: Evidence, onDate: string, policy: EvidencePolicy): ReportLink {
  const link = reportLink(evidence);
  const asOf = evidenceAsOf(evidence);
  if (asOf === undefined) return link;
  const age = evidenceAge(evidence, onDate, policy);
  return {
    ...link,
    asOf,
    ...(age ? { ageDays: age.days } : {}),
    ...(age?.validUntil !== undefined ? { validUntil: age.validUntil, stale: age.stale === true } : {}),
  };
}
