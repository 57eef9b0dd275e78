import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../scripts/e2e/workbench.mjs';
import { openSession, type Session, screenshotOnFailure } from './session';

// How the report preview looks at a side panel's width (500 px) and a wide one (1,000 px), in a
// light, a dark and a high-contrast theme. Screenshots land in test-results/e2e/ (look at them);
// the checks are the defects people saw: the plan timeline's axis labels must not collide, and
// the radar's target line and the bars' target ticks must stand out from the background.

const THEMES = [
  { name: 'light', label: 'Light Modern', workbench: '.monaco-workbench.vs' },
  { name: 'dark', label: 'Dark Modern', workbench: '.monaco-workbench.vs-dark' },
  { name: 'high-contrast', label: 'Dark High Contrast', workbench: '.monaco-workbench.hc-black' },
] as const;
const WIDTHS = [500, 1000] as const;
/** Where the timeline's labels collided: a side panel just wide enough for two columns. */
const TIMELINE_WIDTHS = [500, 640, 1000] as const;

type Rgba = [number, number, number, number];

function parseColor(color: string): Rgba {
  const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, a];
}

/** A colour as it shows over an opaque background (translucent colours blend into it). */
function over(color: string, background: string): string {
  const [r, g, b, a] = parseColor(color);
  const [br, bg, bb] = parseColor(background);
  return `rgb(${r * a + br * (1 - a)}, ${g * a + bg * (1 - a)}, ${b * a + bb * (1 - a)})`;
}

/** WCAG relative luminance of an opaque `rgb(...)` colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = parseColor(color);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Two of the seven attributes assessed, with dated evidence, one of it stale under the twelve
 * months the assessment allows: the score card must say it covers 2 of 7, and the evidence's
 * age must show (issue 22).
 */
const PARTIAL = `apiVersion: rubrics-as-code/v1
kind: Assessment
id: partial
rubric: seven-attributes
subject: { organization: Kestrel Mutual, unit: Claims Technology }
date: 2026-03-31
evidenceValidFor: P12M
dimensions:
  outward-looking-perspective:
    target: 3
    answers:
      olp-context-and-beneficiary: yes
      olp-portfolio-pruned:
        answer: yes
        evidence: [{ title: Portfolio review, url: https://intranet.kestrel.example/it/portfolio/review-2024-10, asOf: 2024-10-31 }]
  aggressive-outsourcing:
    target: 3
    answers:
      ao-service-inventory:
        answer: yes
        evidence: [{ title: Service catalogue, url: https://intranet.kestrel.example/it/service-catalogue, asOf: 2026-02-16 }]
`;

describe('Report preview look', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ name: 'preview-look', files: { 'partial/claims.assessment.yaml': PARTIAL } });
  });
  screenshotOnFailure(() => session);
  afterAll(async () => {
    await session?.close();
  });

  async function setTheme(theme: (typeof THEMES)[number]): Promise<void> {
    const wb = session.workbench;
    const applied = wb.page.locator(theme.workbench).first();
    // The picker replaces the Command Palette a moment after the command runs: try again if the
    // theme's name went into the palette instead.
    await until(async () => {
      if (await applied.count()) return true;
      await wb.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await wb.runCommand('Preferences: Color Theme');
      await wb.page.locator('.quick-input-widget input').fill(theme.label);
      const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: theme.label }).first();
      if (!(await row.waitFor({ timeout: 5_000 }).then(() => true, () => false))) return false;
      await row.click();
      return applied.waitFor({ timeout: 10_000 }).then(() => true, () => false);
    }, { timeout: 60_000, interval: 0, message: `the ${theme.name} theme` });
  }

  /** Opens the file's preview alone in the editor area, the side bar hidden, `width` pixels wide. */
  async function previewAt(file: string, width: number): Promise<Frame> {
    const wb = session.workbench;
    // Keyboard focus may be inside the preview's frame, which can keep the workbench's shortcuts
    // from the workbench: give it back to the workbench first.
    await wb.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await wb.runCommand('View: Close All Editors');
    await wb.openFile(file);
    await wb.runCommand('Rubrics: Open Report Preview');
    const frame = await wb.webview('.report');
    await wb.runCommand('View: Close Other Editors in Group');
    // The page's own width is what the report lays out in; the workbench around it takes the rest.
    let viewport = width + 100;
    for (let attempt = 0; attempt < 4; attempt++) {
      await wb.page.setViewportSize({ width: viewport, height: 900 });
      const inner = await until(() => frame.evaluate(() => window.innerWidth).catch(() => undefined), { message: 'the preview\'s width' });
      if (Math.abs(inner - width) <= 2) break;
      viewport += width - inner;
    }
    await until(async () => (await frame.locator('.report').count()) > 0, { message: 'the report' });
    return frame;
  }

  it('keeps the plan timeline\'s axis labels apart at every width and theme', async () => {
    await session.workbench.runCommand('View: Toggle Primary Side Bar Visibility');
    for (const theme of THEMES) {
      await setTheme(theme);
      for (const width of TIMELINE_WIDTHS) {
        const frame = await previewAt('kestrel/roadmap-2026-2028.plan.yaml', width);
        const axis = frame.locator('.tl-axis').first();
        await axis.scrollIntoViewIfNeeded();
        const boxes = await axis.locator('text').evaluateAll((els) => els.map((el) => {
          const r = el.getBoundingClientRect();
          return { text: el.textContent ?? '', left: r.left, right: r.right, top: Math.round(r.top) };
        }));
        expect(boxes.length).toBeGreaterThanOrEqual(2);
        // Labels on the same line (the years, or the two ends) must keep apart.
        const lines = new Map<number, typeof boxes>();
        for (const box of boxes) lines.set(box.top, [...(lines.get(box.top) ?? []), box]);
        const sorted = [...lines.values()].flatMap((line) => line.sort((a, b) => a.left - b.left).map((box, i, all) => ({ ...box, previous: i > 0 ? all[i - 1] : undefined })));
        for (const box of sorted) {
          if (!box.previous) continue;
          const gap = box.left - box.previous.right;
          expect(gap, `"${box.previous.text}" and "${box.text}" at ${width} px in ${theme.name}`).toBeGreaterThanOrEqual(4);
        }
        await session.workbench.screenshot(`preview-plan-${theme.name}-${width}`);
      }
    }
  });

  it('draws the radar\'s target line and the bars\' target ticks in a colour that stands out, and keeps ring labels clear of the lines', async () => {
    for (const theme of THEMES) {
      await setTheme(theme);
      for (const width of WIDTHS) {
        const frame = await previewAt('kestrel/2026-03.seven-attributes.assessment.yaml', width);
        const radar = frame.locator('svg.radar').first();
        await radar.scrollIntoViewIfNeeded();
        const colors = await frame.locator('body').evaluate((body) => {
          const style = (selector: string, property: string) => {
            const el = body.querySelector(selector);
            return el ? getComputedStyle(el).getPropertyValue(property) : '';
          };
          return { background: getComputedStyle(body).backgroundColor, target: style('.radar-target', 'stroke'), tick: style('.bar-target', 'fill'), track: style('.bar-track', 'fill') || 'rgba(0, 0, 0, 0)' };
        });
        expect(contrast(over(colors.target, colors.background), colors.background), `radar target line in ${theme.name}: ${colors.target} on ${colors.background}`).toBeGreaterThanOrEqual(3);
        // The tick sits on the bar's track.
        const onTrack = over(colors.track, colors.background);
        expect(contrast(over(colors.tick, onTrack), onTrack), `bar target tick in ${theme.name}: ${colors.tick} on ${onTrack}`).toBeGreaterThanOrEqual(3);
        // Ring labels sit in their own space: no ring or spoke crosses one (data lines may, over the label's halo).
        const crossings = await radar.evaluate((svg) => {
          const labels = Array.from(svg.querySelectorAll('.radar-ring-label')).map((l) => (l as SVGGraphicsElement).getBBox());
          let hits = 0;
          for (const shape of Array.from(svg.querySelectorAll('.radar-ring, .radar-threshold, .radar-spoke'))) {
            const geometry = shape as SVGGeometryElement;
            const length = geometry.getTotalLength();
            for (let d = 0; d <= length; d += 1) {
              const p = geometry.getPointAtLength(d);
              if (labels.some((b) => p.x > b.x + 0.5 && p.x < b.x + b.width - 0.5 && p.y > b.y + 0.5 && p.y < b.y + b.height - 0.5)) hits++;
            }
          }
          return hits;
        });
        expect(crossings, `lines crossing the radar's ring labels at ${width} px in ${theme.name}`).toBe(0);
        await session.workbench.screenshot(`preview-assessment-${theme.name}-${width}`);
      }
    }
  });

  it('says what a partial score covers, and how old its evidence is, on cards that hold their text at every width and theme', async () => {
    for (const theme of THEMES) {
      await setTheme(theme);
      for (const width of WIDTHS) {
        const frame = await previewAt('partial/claims.assessment.yaml', width);
        const coverage = frame.locator('.card .coverage');
        await coverage.waitFor();
        expect(await coverage.innerText()).toBe('2 of 7 attributes assessed (5 not assessed)');
        const stale = frame.locator('#evidence-age .chip-warn', { hasText: 'stale' }).first();
        await stale.waitFor();
        // Every card's text stays inside its card (nothing cut off or spilling into the next one).
        const overflow = await frame.locator('.cards').evaluate((cards) =>
          Array.from(cards.querySelectorAll('.card')).flatMap((card) => {
            const box = card.getBoundingClientRect();
            return Array.from(card.querySelectorAll('p, strong, small, svg'))
              .filter((el) => {
                const r = el.getBoundingClientRect();
                return r.right > box.right + 0.5 || r.left < box.left - 0.5;
              })
              .map((el) => el.textContent ?? el.tagName);
          }),
        );
        expect(overflow, `text outside its card at ${width} px in ${theme.name}`).toEqual([]);
        await frame.locator('.cards').scrollIntoViewIfNeeded();
        await session.workbench.screenshot(`preview-partial-${theme.name}-${width}`);
        await stale.scrollIntoViewIfNeeded();
        await session.workbench.screenshot(`preview-partial-evidence-${theme.name}-${width}`);
      }
    }
  });
});
