import type { Analysis } from './analyser.js';
import { inverseDocumentFrequency, sortedDistinct, weightedVector, type SparseVector } from './feature-space.js';
import { seededRandom, softmaxInPlace, softmaxModelFrom, trainSoftmax, type SoftmaxModel, type TrainingSample } from './softmax-regression.js';

/**
 * A second, differently built model that only asks "is this about MFA at all?": a two-class
 * logistic regression (every in-scope example against the out-of-scope list) over the analyser's
 * word and word-pair features plus the letter n-grams of each word as typed (before spelling
 * correction), so a misspelt or unfamiliar word still counts through its pieces. The matcher
 * multiplies its in-scope probabilities by this model's, so a question needs both models to be
 * sure before it is answered. Measured by cross-validation (bench/RESULTS.md, round 3).
 */
export interface ScopeDetector {
  /** Probability that the question is in scope, from the analyser's reading of it. */
  inScope(analysis: DetectorInput): number;
  /** What the trained detector is made of, to store it and rebuild it with scopeDetectorFrom. */
  readonly state: ScopeDetectorState;
}

export interface ScopeDetectorState {
  /** Column names (features and letter n-grams) in column order. */
  readonly names: readonly string[];
  /** Each column's IDF. */
  readonly idf: Float64Array;
  /** The two-class regression's weights and intercepts (see SoftmaxModel). */
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

export interface ScopeDetectorOptions {
  readonly l2: number;
  readonly epochs: number;
  readonly learningRate: number;
  /** See FeatureSpaceOptions.lengthPrior. */
  readonly lengthPrior: number;
  /** How much each out-of-scope example counts (there are far fewer of them). */
  readonly noneWeight: number;
  /** Shortest and longest letter n-gram (the word is padded with `<` and `>`). */
  readonly minGram: number;
  readonly maxGram: number;
}

/** What the detector reads of a question: the analyser's tokens (as typed) and features. */
export type DetectorInput = Pick<Analysis, 'tokens' | 'features'>;

export interface ScopeExample extends DetectorInput {
  readonly inScope: boolean;
}

/**
 * Feature columns for the detector: the analyser's features by name, and each training word's
 * letter n-grams worked out once (as column numbers), since the same words come back in example
 * after example and building every n-gram string each time would be most of the training work.
 * Words first seen after training are worked out each time and not remembered, so what people type
 * cannot grow the memory.
 */
interface DetectorColumns {
  /** The sorted, distinct columns of a question's features (unknown ones dropped once frozen). */
  of(input: DetectorInput): Int32Array;
  /** Stop adding columns (after training). */
  freeze(): void;
  readonly size: number;
  /** Column names in column order. */
  names(): string[];
}

/** `known`: the columns of a trained detector, in order (frozen: no column is added). */
function createColumns(options: ScopeDetectorOptions, known?: readonly string[]): DetectorColumns {
  const columns = new Map<string, number>(known?.map((name, column) => [name, column]));
  const wordColumns = new Map<string, Int32Array>();
  let growing = known === undefined;
  const columnOf = (name: string): number | undefined => {
    let column = columns.get(name);
    if (column === undefined && growing) {
      column = columns.size;
      columns.set(name, column);
    }
    return column;
  };
  const gramsOf = (word: string): Int32Array => {
    const known = wordColumns.get(word);
    if (known !== undefined) return known;
    const padded = `<${word}>`;
    const found: number[] = [];
    for (let n = options.minGram; n <= options.maxGram; n++) {
      for (let start = 0; start + n <= padded.length; start++) {
        const column = columnOf(`c:${padded.slice(start, start + n)}`);
        if (column !== undefined) found.push(column);
      }
    }
    // The constructor copies an array directly; Int32Array.from goes through the iterator.
    const grams = new Int32Array(found);
    if (growing) wordColumns.set(word, grams);
    return grams;
  };
  return {
    of({ tokens, features }: DetectorInput): Int32Array {
      const found: number[] = [];
      for (const feature of features) {
        const column = columnOf(feature);
        if (column !== undefined) found.push(column);
      }
      for (const word of tokens) for (const column of gramsOf(word)) found.push(column);
      return sortedDistinct(found);
    },
    freeze(): void {
      growing = false;
    },
    get size(): number {
      return columns.size;
    },
    names(): string[] {
      return [...columns.keys()];
    },
  };
}

export function trainScopeDetector(examples: readonly ScopeExample[], options: ScopeDetectorOptions): ScopeDetector {
  const columns = createColumns(options);
  const documents = examples.map((example) => columns.of(example));
  columns.freeze();
  const documentFrequency = new Float64Array(columns.size);
  for (const document of documents) for (const column of document) documentFrequency[column] = (documentFrequency[column] ?? 0) + 1;
  // TF-IDF with binary term frequency, as in feature-space.ts.
  const idf = documentFrequency.map((frequency) => inverseDocumentFrequency(frequency, documents.length));
  const vectorOf = (indices: Int32Array): SparseVector => weightedVector(indices, idf, options.lengthPrior);
  const samples: TrainingSample[] = documents.map((document, index) => {
    const inScope = examples[index]?.inScope ?? true;
    return { vector: vectorOf(document), label: inScope ? 1 : 0, weight: inScope ? 1 : options.noneWeight };
  });
  const model = trainSoftmax(samples, columns.size, 2, options, seededRandom(7));
  return detectorOf(columns, idf, model, options);
}

/**
 * The detector a stored state describes. A training word's n-grams are worked out again when it
 * is met (trainScopeDetector remembered them), and give the same columns, since all of them are known.
 */
export function scopeDetectorFrom(state: ScopeDetectorState, options: ScopeDetectorOptions): ScopeDetector {
  return detectorOf(createColumns(options, state.names), state.idf, softmaxModelFrom(state.weights, state.bias, 2), options);
}

function detectorOf(columns: DetectorColumns, idf: Float64Array, model: SoftmaxModel, options: ScopeDetectorOptions): ScopeDetector {
  return {
    inScope(analysis) {
      return softmaxInPlace(model.logits(weightedVector(columns.of(analysis), idf, options.lengthPrior)))[1] ?? 0;
    },
    get state(): ScopeDetectorState {
      return { names: columns.names(), idf, weights: model.weights, bias: model.bias };
    },
  };
}
