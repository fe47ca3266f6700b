/**
 * Maps feature names to columns and texts to sparse TF-IDF vectors (binary term frequency times
 * inverse document frequency, scaled to unit length), so short and long questions weigh the same.
 */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

export interface FeatureSpace {
  readonly size: number;
  vectorise(features: readonly string[]): SparseVector;
  /** What the space is made of, to store it and rebuild it with featureSpaceFrom. */
  readonly state: FeatureSpaceState;
}

export interface FeatureSpaceState {
  /** Feature names in column order. */
  readonly names: readonly string[];
  /** Each column's weight (its IDF, times the bigram weight for a phrase). */
  readonly weights: Float64Array;
  readonly lengthPrior: number;
}

export interface FeatureSpaceOptions {
  /** Multiplier for phrase (bigram) features relative to word features (default 1). */
  readonly bigramWeight?: number;
  /**
   * Vectors are divided by sqrt(|v|² + lengthPrior): 0 gives unit length; a positive value stops a
   * one-word question from being scaled up to look as certain as a full sentence (default 0).
   */
  readonly lengthPrior?: number;
}

/** Inverse document frequency of a feature found in `frequency` of `total` documents (smoothed, at least 1). */
export function inverseDocumentFrequency(frequency: number, total: number): number {
  return Math.log((total + 1) / (frequency + 1)) + 1;
}

/**
 * The vector with `weights[column]` at each of `indices` (sorted, distinct columns), divided by
 * sqrt(|v|² + lengthPrior) (see FeatureSpaceOptions.lengthPrior).
 */
export function weightedVector(indices: Int32Array, weights: Float64Array, lengthPrior: number): SparseVector {
  const values = new Float64Array(indices.length);
  let squares = 0;
  for (let slot = 0; slot < indices.length; slot++) {
    const value = weights[indices[slot] ?? 0] ?? 0;
    values[slot] = value;
    squares += value * value;
  }
  const norm = Math.sqrt(squares + lengthPrior);
  if (norm > 0) for (let slot = 0; slot < values.length; slot++) values[slot] = (values[slot] ?? 0) / norm;
  return { indices, values };
}

/** The distinct values of `columns`, in ascending order. */
export function sortedDistinct(columns: readonly number[]): Int32Array {
  // A typed array sorts numerically in native code (no comparator called from JavaScript).
  const sorted = new Int32Array(columns).sort();
  let unique = 0;
  for (let index = 0; index < sorted.length; index++) {
    const column = sorted[index] ?? 0;
    if (index === 0 || column !== sorted[unique - 1]) sorted[unique++] = column;
  }
  return sorted.slice(0, unique);
}

export function buildFeatureSpace(
  documents: readonly (readonly string[])[],
  options: FeatureSpaceOptions = {},
): FeatureSpace {
  const bigramWeight = options.bigramWeight ?? 1;
  const lengthPrior = options.lengthPrior ?? 0;
  const columns = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const features of documents) {
    for (const feature of new Set(features)) {
      let column = columns.get(feature);
      if (column === undefined) {
        column = columns.size;
        columns.set(feature, column);
        documentFrequency.push(0);
      }
      documentFrequency[column] = (documentFrequency[column] ?? 0) + 1;
    }
  }
  const total = documents.length;
  const weights = new Float64Array(columns.size);
  for (const [feature, column] of columns) {
    const idf = inverseDocumentFrequency(documentFrequency[column] ?? 0, total);
    weights[column] = feature.startsWith('b:') ? idf * bigramWeight : idf;
  }
  return spaceOf(columns, weights, lengthPrior);
}

/** The space a stored state describes (the same columns and weights as when it was built). */
export function featureSpaceFrom(state: FeatureSpaceState): FeatureSpace {
  return spaceOf(new Map(state.names.map((name, column) => [name, column])), state.weights, state.lengthPrior);
}

function spaceOf(columns: ReadonlyMap<string, number>, weights: Float64Array, lengthPrior: number): FeatureSpace {
  return {
    size: columns.size,
    vectorise(features: readonly string[]): SparseVector {
      const found: number[] = [];
      for (const feature of features) {
        const column = columns.get(feature);
        if (column !== undefined) found.push(column);
      }
      return weightedVector(sortedDistinct(found), weights, lengthPrior);
    },
    get state(): FeatureSpaceState {
      return { names: [...columns.keys()], weights, lengthPrior };
    },
  };
}
