import type { FeatureSpaceState } from './feature-space.js';
import type { ScopeDetectorState } from './scope-detector.js';

/**
 * Everything a trained matcher learnt, as bytes to store (model-store.ts) and read back at start-up
 * instead of training: the vocabulary (in its order, which settles the spelling corrector's ties),
 * the feature space, the classifier, the in-scope detector and the calibration. The layout: the
 * length of a JSON header (4 bytes, little-endian), the header (words, column names, calibration and
 * the arrays' lengths), zeros up to a multiple of 8 bytes, then the typed arrays' doubles as they
 * are in memory (the byte order is part of the key). JSON numbers read back to the same double, so
 * the rebuilt matcher answers exactly as the trained one did. Binary rather than all JSON: decoding
 * 1.4 MB of base64 and JSON took about 40 ms of a cold start-up on this machine.
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

const DOUBLE = Float64Array.BYTES_PER_ELEMENT;

/** The typed arrays, in the order they follow the header. */
function arraysOf({ space, classifier, detector }: MatcherSnapshot): Float64Array[] {
  const arrays = [space.weights, classifier.weights, classifier.bias];
  if (detector !== undefined) arrays.push(detector.idf, detector.weights, detector.bias);
  return arrays;
}

export function encodeSnapshot(snapshot: MatcherSnapshot): Uint8Array {
  const { vocabulary, space, detector, calibration } = snapshot;
  const arrays = arraysOf(snapshot);
  const header = Buffer.from(
    JSON.stringify({
      vocabulary,
      spaceNames: space.names,
      lengthPrior: space.lengthPrior,
      detectorNames: detector === undefined ? null : detector.names,
      calibration,
      lengths: arrays.map((array) => array.length),
    }),
  );
  const start = Math.ceil((4 + header.length) / DOUBLE) * DOUBLE;
  const bytes = new Uint8Array(start + arrays.reduce((sum, array) => sum + array.byteLength, 0));
  new DataView(bytes.buffer).setUint32(0, header.length, true);
  bytes.set(header, 4);
  let at = start;
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  return bytes;
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

/** The header's JSON, or undefined when the bytes do not start with one. */
function headerOf(bytes: Uint8Array): { header: Record<string, unknown>; start: number } | undefined {
  if (bytes.length < 4) return undefined;
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + length > bytes.length) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 4, length).toString('utf8'));
  } catch {
    return undefined;
  }
  return isRecord(header) ? { header, start: Math.ceil((4 + length) / DOUBLE) * DOUBLE } : undefined;
}

/** The doubles after the header, cut at `lengths`, or undefined when there are not exactly that many. */
function arraysAfter(bytes: Uint8Array, start: number, lengths: readonly number[]): Float64Array[] | undefined {
  const total = lengths.reduce((sum, length) => sum + length, 0);
  if (!lengths.every((length) => Number.isInteger(length) && length >= 0) || bytes.length !== start + total * DOUBLE) return undefined;
  // A view where the doubles are aligned (a file read whole is); otherwise a copy.
  const offset = bytes.byteOffset + start;
  const all = offset % DOUBLE === 0 ? new Float64Array(bytes.buffer, offset, total) : new Float64Array(bytes.slice(start).buffer);
  const arrays: Float64Array[] = [];
  let at = 0;
  for (const length of lengths) {
    arrays.push(all.subarray(at, at + length));
    at += length;
  }
  return arrays;
}

/**
 * The snapshot in `bytes`, or undefined when they are not one whose sizes fit `classes` classes (a
 * damaged file is then trained over, never half read). `withDetector`: whether the settings use one.
 */
export function decodeSnapshot(bytes: Uint8Array, classes: number, withDetector: boolean): MatcherSnapshot | undefined {
  const read = headerOf(bytes);
  if (read === undefined) return undefined;
  const { vocabulary, spaceNames, lengthPrior, detectorNames, calibration, lengths } = read.header;
  if (!isVocabulary(vocabulary) || !isStringArray(spaceNames) || typeof lengthPrior !== 'number' || !isRecord(calibration) || !isNumberArray(lengths)) return undefined;
  const { temperature, threshold, confidenceCells } = calibration;
  if (typeof temperature !== 'number' || typeof threshold !== 'number' || !isNumberArray(confidenceCells)) return undefined;
  const detectorSizes = withDetector && isStringArray(detectorNames) ? [detectorNames.length, detectorNames.length * 2, 2] : [];
  if (withDetector && detectorSizes.length === 0) return undefined;
  const expected = [spaceNames.length, spaceNames.length * classes, classes, ...detectorSizes];
  if (lengths.length !== expected.length || lengths.some((length, index) => length !== expected[index])) return undefined;
  const arrays = arraysAfter(bytes, read.start, lengths);
  if (arrays === undefined) return undefined;
  const [spaceWeights, weights, bias, idf, detectorWeights, detectorBias] = arrays;
  if (spaceWeights === undefined || weights === undefined || bias === undefined) return undefined;
  const detector =
    isStringArray(detectorNames) && idf !== undefined && detectorWeights !== undefined && detectorBias !== undefined
      ? { names: detectorNames, idf, weights: detectorWeights, bias: detectorBias }
      : undefined;
  return {
    vocabulary,
    space: { names: spaceNames, weights: spaceWeights, lengthPrior },
    classifier: { weights, bias },
    detector,
    calibration: { temperature, threshold, confidenceCells },
  };
}
