/**
 * The shape of a generated network: power-law weights (a few members with thousands of
 * connections, the most connected near the R7 limit, most with a handful) and a connection
 * graph drawn from them (Chung–Lu: both ends picked in proportion to their weights).
 * Everything is kept in typed arrays so that a million members fit in a few tens of MB.
 */
import { mix } from './generate.rows.js';
import { elementAt } from '../lib/arrays.js';

/** Open addressing over unordered member pairs; 0 marks an empty slot. */
class PairSet {
  private readonly keys: Float64Array;
  private readonly mask: number;

  constructor(
    private readonly members: number,
    capacity: number,
  ) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.keys = new Float64Array(size);
    this.mask = size - 1;
  }

  private key(a: number, b: number): number {
    return a < b ? a * this.members + b + 1 : b * this.members + a + 1;
  }

  private slot(key: number): number {
    return mix(key % 4294967296, Math.floor(key / 4294967296)) & this.mask;
  }

  has(a: number, b: number): boolean {
    const key = this.key(a, b);
    for (let i = this.slot(key); ; i = (i + 1) & this.mask) {
      const found = this.keys[i];
      if (found === key) return true;
      if (found === 0) return false;
    }
  }

  /** Adds the pair; false when it was there already. */
  add(a: number, b: number): boolean {
    const key = this.key(a, b);
    for (let i = this.slot(key); ; i = (i + 1) & this.mask) {
      const found = this.keys[i];
      if (found === key) return false;
      if (found === 0) {
        this.keys[i] = key;
        return true;
      }
    }
  }
}

/** Weights `top · rank^-alpha` handed out over a random order of the members. */
export function zipfWeights(
  n: number,
  top: number,
  total: number,
  random: () => number,
): Float64Array {
  const sum = (alpha: number) => {
    let s = 0;
    for (let r = 1; r <= n; r++) s += top * Math.pow(r, -alpha);
    return s;
  };
  // The exponent that makes the weights add up to `total`, found by bisection.
  let low = 0;
  let high = 4;
  if (sum(low) > total) {
    for (let i = 0; i < 40; i++) {
      const mid = (low + high) / 2;
      if (sum(mid) > total) low = mid;
      else high = mid;
    }
  }
  const alpha = low;
  const order = shuffled(n, random);
  const weights = new Float64Array(n);
  for (let r = 0; r < n; r++) weights[elementAt(order, r)] = top * Math.pow(r + 1, -alpha);
  return weights;
}

function shuffled(n: number, random: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = elementAt(order, i);
    order[i] = elementAt(order, j);
    order[j] = t;
  }
  return order;
}

/** Draws members in proportion to their weights (binary search over the running sum). */
export function weightedSampler(weights: Float64Array, random: () => number): () => number {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += elementAt(weights, i);
    cumulative[i] = sum;
  }
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (elementAt(cumulative, mid) <= target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

export interface ConnectionGraph {
  members: number;
  edges: number;
  /** Ends of each connection. */
  a: Int32Array;
  b: Int32Array;
  degree: Int32Array;
  pairs: PairSet;
  /** Popularity: how likely a member is to be connected with or invited. */
  popularity: Float64Array;
  /** Neighbours of member m: `neighbours[offsets[m] .. offsets[m+1]]`, with the edge of each in `edgeOf`. */
  offsets: Int32Array;
  neighbours: Int32Array;
  edgeOf: Int32Array;
}

export function connectionGraph(
  members: number,
  connections: number,
  maxConnections: number,
  random: () => number,
): ConnectionGraph {
  const top = Math.max(
    1,
    Math.min(0.97 * maxConnections, 0.5 * (members - 1), 0.1 * 2 * connections),
  );
  const popularity = zipfWeights(members, top, 2 * connections, random);
  const draw = weightedSampler(popularity, random);
  const a = new Int32Array(connections);
  const b = new Int32Array(connections);
  const degree = new Int32Array(members);
  const pairs = new PairSet(members, connections);
  let edges = 0;
  for (let attempt = 0; edges < connections && attempt < connections * 4 + 1000; attempt++) {
    const u = draw();
    const v = draw();
    if (u === v || elementAt(degree, u) >= maxConnections || elementAt(degree, v) >= maxConnections)
      continue;
    if (!pairs.add(u, v)) continue;
    a[edges] = u;
    b[edges] = v;
    degree[u] = elementAt(degree, u) + 1;
    degree[v] = elementAt(degree, v) + 1;
    edges++;
  }
  const offsets = new Int32Array(members + 1);
  for (let m = 0; m < members; m++) offsets[m + 1] = elementAt(offsets, m) + elementAt(degree, m);
  const fill = offsets.slice(0, members);
  const neighbours = new Int32Array(2 * edges);
  const edgeOf = new Int32Array(2 * edges);
  for (let e = 0; e < edges; e++) {
    for (const [from, to] of [
      [elementAt(a, e), elementAt(b, e)],
      [elementAt(b, e), elementAt(a, e)],
    ] as const) {
      const slot = elementAt(fill, from);
      neighbours[slot] = to;
      edgeOf[slot] = e;
      fill[from] = slot + 1;
    }
  }
  return { members, edges, a, b, degree, pairs, popularity, offsets, neighbours, edgeOf };
}
