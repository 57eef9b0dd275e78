import { evidenceUrl, isSafeUrl } from '../domain/links';
import type { Evidence } from '../format/types';
import type { ReportLink } from './model';

/** An evidence entry as a report link, marked safe or not by the one link policy. */
export function reportLink(evidence: Evidence): ReportLink {
  const url = evidenceUrl(evidence);
  return { url, ...(typeof evidence !== 'string' && evidence.title ? { title: evidence.title } : {}), safe: isSafeUrl(url) };
}
