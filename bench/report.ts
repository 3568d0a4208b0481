/** One line per figure with its ratio to its baseline, and the whole run as JSON. */
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadResult } from './load.js';
import { ROOT } from './servers.js';
import { elementAt } from '../src/lib/arrays.js';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** The target, as a bound on the ratio (or on the value when there is no baseline). */
  target?: { max?: number; min?: number };
  note?: string;
  /** Every sample when the figure is a median over repeated runs. */
  samples?: number[];
  /**
   * The ratio of each round to its baseline in the same round: the figure's ratio is their
   * median, printed with their range.
   */
  ratios?: number[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? elementAt(sorted, mid)
    : (elementAt(sorted, mid - 1) + elementAt(sorted, mid)) / 2;
}

const round = (value: number) =>
  value >= 100 ? Math.round(value).toString() : value.toPrecision(3);

export function ratioOf(figure: Figure): number | null {
  if (figure.ratios && figure.ratios.length > 0) return median(figure.ratios);
  return figure.baseline && figure.baseline.value > 0 ? figure.value / figure.baseline.value : null;
}

function verdict(figure: Figure): string {
  if (!figure.target) return '';
  const checked = ratioOf(figure) ?? figure.value;
  const { min, max } = figure.target;
  const met = (min === undefined || checked >= min) && (max === undefined || checked <= max);
  const bound = min !== undefined ? `≥ ${min}` : `≤ ${max}`;
  return met ? `  (target ${bound}: met)` : `  (target ${bound}: MISSED)`;
}

export function line(figure: Figure): string {
  const ratio = ratioOf(figure);
  const ratios = figure.ratios ?? [];
  const spread =
    ratios.length > 1
      ? ` [median of ${ratios.length} rounds: ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}]`
      : figure.samples && figure.samples.length > 1
        ? ` [median of ${figure.samples.length}: ${round(Math.min(...figure.samples))}–${round(Math.max(...figure.samples))}]`
        : '';
  const base = `${figure.name}: ${round(figure.value)} ${figure.unit}`;
  const compared = ratio === null ? '' : ` = ${ratio.toFixed(2)} × ${figure.baseline?.name}`;
  const note = figure.note ? `  ${figure.note}` : '';
  return `${base}${compared}${spread}${note}${verdict(figure)}`;
}

export function loadNote(load: LoadResult): string {
  const database =
    load.databaseCpuMsPerRequest === undefined
      ? ''
      : ` (${load.databaseCpuMsPerRequest.toFixed(2)} in PostgreSQL)`;
  const cpu =
    load.cpuMsPerRequest === undefined
      ? ''
      : `, server CPU ${load.cpuMsPerRequest.toFixed(2)} ms/request${database}`;
  const errors = load.errors ? `, ${load.errors} errors` : '';
  return `(p50 ${load.p50.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms${cpu}, ${load.requests} requests, ${load.non2xx} non-2xx${errors})`;
}

export function writeResults(
  mode: string,
  figures: Figure[],
  details: Record<string, unknown>,
): string {
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `${stamp}-${mode}.json`);
  const machine = {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? '',
    node: process.version,
    loadavg: loadavg(),
  };
  writeFileSync(
    file,
    JSON.stringify(
      { mode, machine, figures: figures.map((f) => ({ ...f, ratio: ratioOf(f) })), details },
      null,
      2,
    ) + '\n',
  );
  return file;
}
