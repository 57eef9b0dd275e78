import { describe, expect, it } from 'vitest';
import type { AssessmentDocumentAnalysis } from '../../../src/core/engine';
import { analyzeInput, inputFiles } from '../../support/report';

/**
 * A metric meets its benchmark when it is at least as good: at or above it where higher is
 * better, at or below it where lower is. The boundary is where `>=` and `>` part.
 */
async function meets(firstContact: number, abandon: number): Promise<[string, boolean | undefined][]> {
  const text = inputFiles()['northwind-2026.assessment.yaml']!
    .replace('first-contact-resolution: 64', `first-contact-resolution: ${firstContact}`)
    .replace('abandon-rate: { value: 4.2,', `abandon-rate: { value: ${abandon},`);
  const doc = (await analyzeInput('northwind-2026.assessment.yaml', { 'northwind-2026.assessment.yaml': text })).documents[0] as AssessmentDocumentAnalysis;
  return doc.score!.dimensions
    .find((d) => d.id === 'service-desk')!
    .metrics.filter((m) => m.id === 'first-contact-resolution' || m.id === 'abandon-rate')
    .map((m) => [m.id, m.meetsBenchmark]);
}

describe('a metric against its benchmark (70 % and up for first-contact resolution, 5 % and down for abandoned calls)', () => {
  it('meets it exactly at the benchmark, either way round', async () => {
    expect(await meets(70, 5)).toEqual([['first-contact-resolution', true], ['abandon-rate', true]]);
  });

  it('misses it just on the wrong side', async () => {
    expect(await meets(69.99, 5.01)).toEqual([['first-contact-resolution', false], ['abandon-rate', false]]);
  });

  it('meets it on the right side', async () => {
    expect(await meets(70.01, 4.99)).toEqual([['first-contact-resolution', true], ['abandon-rate', true]]);
  });
});
