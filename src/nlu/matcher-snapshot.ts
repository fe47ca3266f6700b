import type { FeatureSpaceState } from './feature-space.js';
import type { ScopeDetectorState } from './scope-detector.js';

/**
 * Everything a trained matcher learnt, as text to store (model-store.ts) and read back at start-up
 * instead of training: the vocabulary (in its order, which settles the spelling corrector's ties),
 * the feature space, the classifier, the in-scope detector and the calibration. Numbers in typed
 * arrays are kept as their bytes (base64), the few others as JSON numbers, which read back to the
 * same double; so the rebuilt matcher answers exactly as the trained one did.
 */
export interface MatcherSnapshot {
  readonly vocabulary: readonly (readonly [word: string, count: number])[];
  readonly space: FeatureSpaceState;
  readonly classifier: { readonly weights: Float64Array; readonly bias: Float64Array };
  readonly detector: ScopeDetectorState | undefined;
  readonly calibration: {
    readonly temperature: number;
    readonly threshold: number;
    readonly confidenceCells: readonly number[];
  };
}

function bytesOf(numbers: Float64Array): string {
  return Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength).toString('base64');
}

/** The doubles in `text` (base64), or undefined when it is not a string of whole doubles. */
function numbersOf(text: unknown): Float64Array | undefined {
  if (typeof text !== 'string') return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % Float64Array.BYTES_PER_ELEMENT !== 0) return undefined;
  // Copied into a fresh array: a Buffer's offset in its pool need not be a multiple of 8.
  const numbers = new Float64Array(bytes.length / Float64Array.BYTES_PER_ELEMENT);
  new Uint8Array(numbers.buffer).set(bytes);
  return numbers;
}

export function encodeSnapshot(snapshot: MatcherSnapshot): string {
  const { vocabulary, space, classifier, detector, calibration } = snapshot;
  return JSON.stringify({
    vocabulary,
    space: { names: space.names, weights: bytesOf(space.weights), lengthPrior: space.lengthPrior },
    classifier: { weights: bytesOf(classifier.weights), bias: bytesOf(classifier.bias) },
    detector:
      detector === undefined
        ? null
        : { names: detector.names, idf: bytesOf(detector.idf), weights: bytesOf(detector.weights), bias: bytesOf(detector.bias) },
    calibration,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number');
}

function isVocabulary(value: unknown): value is [string, number][] {
  return Array.isArray(value) && value.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'number');
}

function decodeSpace(value: unknown): FeatureSpaceState | undefined {
  if (!isRecord(value) || !isStringArray(value.names) || typeof value.lengthPrior !== 'number') return undefined;
  const weights = numbersOf(value.weights);
  if (weights === undefined || weights.length !== value.names.length) return undefined;
  return { names: value.names, weights, lengthPrior: value.lengthPrior };
}

function decodeDetector(value: unknown): ScopeDetectorState | undefined {
  if (!isRecord(value) || !isStringArray(value.names)) return undefined;
  const idf = numbersOf(value.idf);
  const weights = numbersOf(value.weights);
  const bias = numbersOf(value.bias);
  if (idf === undefined || weights === undefined || bias === undefined) return undefined;
  if (idf.length !== value.names.length || weights.length !== value.names.length * 2 || bias.length !== 2) return undefined;
  return { names: value.names, idf, weights, bias };
}

/**
 * The snapshot in `text`, or undefined when it is not one whose sizes fit `classes` classes (a
 * damaged file is then trained over, never half read). `withDetector`: whether the settings use one.
 */
export function decodeSnapshot(text: string, classes: number, withDetector: boolean): MatcherSnapshot | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !isVocabulary(value.vocabulary) || !isRecord(value.classifier) || !isRecord(value.calibration)) return undefined;
  const space = decodeSpace(value.space);
  const weights = numbersOf(value.classifier.weights);
  const bias = numbersOf(value.classifier.bias);
  if (space === undefined || weights === undefined || bias === undefined) return undefined;
  if (weights.length !== space.names.length * classes || bias.length !== classes) return undefined;
  const detector = withDetector ? decodeDetector(value.detector) : undefined;
  if (withDetector && detector === undefined) return undefined;
  const { temperature, threshold, confidenceCells } = value.calibration;
  if (typeof temperature !== 'number' || typeof threshold !== 'number' || !isNumberArray(confidenceCells)) return undefined;
  return {
    vocabulary: value.vocabulary,
    space,
    classifier: { weights, bias },
    detector,
    calibration: { temperature, threshold, confidenceCells },
  };
}
