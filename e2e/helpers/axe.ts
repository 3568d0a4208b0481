import axe from 'axe-core';
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Serious and critical WCAG 2.1 A/AA violations on the page, as readable lines. axe-core is put
 * into each loaded document once and run there; the app has no frames, so one run in the page
 * finds what a run per frame would, and checking the same page again (another size or colour
 * scheme) costs only the run. Only violations are collected: working out selectors for every
 * passing node as well took half of each run (346 ms a run against 186, in the accessibility file).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(async (tags) => {
    if (!window.axe) throw new Error('axe-core is not in the page');
    return window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
  }, TAGS);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}
