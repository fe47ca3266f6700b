import { INTENT_ANSWERS } from '../content/answers.js';
import { TRAINING_SET, TUNING_SET, type ExampleSet } from '../content/intents/index.js';
import { buildVocabulary, createAnalyser, type Analyser, type Analysis } from './analyser.js';
import { fitTemperature, type LabelledLogits } from './calibration.js';
import { confidenceTableFrom, fitConfidenceTable, type ConfidenceItem, type ConfidenceTable } from './confidence-table.js';
import { createContentScorer, type ContentScorer, type IntentContent } from './content-scorer.js';
import { isQuestionOfItsOwn, setCourtesiesAside, SMALL_TALK } from './courtesies.js';
import { decide, type RankedCandidate } from './decision.js';
import { buildFeatureSpace, featureSpaceFrom, type FeatureSpace } from './feature-space.js';
import { INTENT_IDS, isInScopeIntentId, type InScopeIntentId } from './intents.js';
import { exampleSetToQuestions } from './labelled.js';
import { matcherKey } from './matcher-key.js';
import { decodeSnapshot, encodeSnapshot, type MatcherSnapshot } from './matcher-snapshot.js';
import { createFileModelStore, DEFAULT_MODEL_DIRECTORY, type TrainedModelStore } from './model-store.js';
import { tokenise } from './normalise.js';
import { seededRandom, softmaxInPlace, softmaxModelFrom, trainSoftmax, type SoftmaxModel, type TrainingSample } from './softmax-regression.js';
import { tuneThreshold, type TuningItem } from './threshold.js';
import { scopeDetectorFrom, trainScopeDetector, type ScopeDetector, type ScopeDetectorOptions } from './scope-detector.js';
import type { IntentId, LabelledQuestion, Matcher, MatchResult } from './types.js';

/**
 * The intent matcher: learns from the training examples at start-up (a softmax regression over
 * TF-IDF word and word-pair features of normalised, spell-corrected, synonym-folded, stemmed
 * text, its in-scope probabilities multiplied by a separate in-scope detector's, scope-detector.ts),
 * then calibrates its confidence (temperature) and picks its `none` threshold on the separate
 * tuning examples.
 */
export interface MatcherSettings {
  /** L2 penalty of the regression. */
  readonly l2: number;
  /** Passes over the training examples. */
  readonly epochs: number;
  readonly learningRate: number;
  /** Weight of word-pair features relative to single words. */
  readonly bigramWeight: number;
  /** Damps the length normalisation of short questions (see FeatureSpaceOptions.lengthPrior). */
  readonly lengthPrior: number;
  /** Letter-trigram features as well as words. */
  readonly letterTrigrams: boolean;
  /** How much each out-of-scope example counts relative to an in-scope one. */
  readonly noneWeight: number;
  /**
   * In-scope examples count (mean examples per intent / this intent's examples)^classBalance, so an
   * intent with many examples does not pull questions from a smaller one; 0 counts each the same.
   */
  readonly classBalance: number;
  /** Whether the in-scope detector (scope-detector.ts) takes part. */
  readonly scopeDetector: boolean;
  /** How much each out-of-scope example counts for the in-scope detector. */
  readonly detectorNoneWeight: number;
  /** Passes over the examples for the in-scope detector. */
  readonly detectorEpochs: number;
  /** Weight of the content scorer (similarity to each intent's answer text) added to the logits; 0 turns it off. */
  readonly contentWeight: number;
  /** Second candidate at least this fraction of the first → ambiguous ("Did you mean…?"). */
  readonly ambiguityRatio: number;
  /**
   * A question answered `none` offers its top two topics that are at least this likely (decision.ts).
   * Chosen on CV (bench/RESULTS.md, "Suggestions with `none`"): at 0.05, 60% of the in-scope
   * questions wrongly rejected had the right topic offered, and 15% of out-of-scope ones saw any.
   */
  readonly suggestFloor: number;
  /**
   * A message answered as small talk or `none` is read again with the courtesies at its start and
   * end set aside (courtesies.ts): "good morning, hope you are well. can i use a text instead?".
   */
  readonly setCourtesiesAside: boolean;
  /** Seed of the classifier's shuffle instead of the default one (noise checks in bench/nlu/cv.ts). */
  readonly seed?: number;
  /** Fixed threshold instead of tuning one (tests and experiments). */
  readonly threshold?: number;
  /** Fixed temperature instead of fitting one (tests and experiments). */
  readonly temperature?: number;
}

export const DEFAULT_MATCHER_SETTINGS: MatcherSettings = {
  l2: 1e-3,
  epochs: 10,
  learningRate: 0.5,
  bigramWeight: 0.5,
  lengthPrior: 400,
  letterTrigrams: false,
  noneWeight: 1,
  classBalance: 0.5,
  scopeDetector: true,
  detectorNoneWeight: 3,
  detectorEpochs: 6,
  contentWeight: 0,
  ambiguityRatio: 0.5,
  suggestFloor: 0.05,
  setCourtesiesAside: true,
};

/** Each intent's answer (title and paragraphs) as the content its questions are matched against. */
export function answerContent(): IntentContent {
  const content: Partial<Record<keyof typeof INTENT_ANSWERS, string>> = {};
  for (const [intent, answer] of Object.entries(INTENT_ANSWERS)) {
    if (isInScopeIntentId(intent)) content[intent] = [answer.title, ...answer.paragraphs].join('\n');
  }
  return content;
}

export interface MatcherOptions {
  /** What to learn from (default: the content's training examples and out-of-scope list). */
  readonly training?: ExampleSet;
  /** What to calibrate and tune the threshold on (default: the content's tuning examples). */
  readonly tuning?: ExampleSet;
  /** What each intent's content says, for the content scorer (default: the answers' text). */
  readonly content?: IntentContent;
  readonly settings?: Partial<MatcherSettings>;
  /**
   * Where a matcher already trained from exactly these examples, content, settings and code may be
   * read instead of training it again (default: the one `npm run build` wrote beside the compiled
   * code, read only; see model-store.ts and matcher-key.ts). When there is none, the matcher is
   * trained (and saved, if the store writes), so it answers the same either way.
   */
  readonly modelStore?: TrainedModelStore;
}

export interface Calibration {
  readonly temperature: number;
  readonly threshold: number;
  readonly ambiguityRatio: number;
  readonly suggestFloor: number;
  /** Turns an answer's probability into the confidence reported with it (see confidence-table.ts). */
  readonly confidence: ConfidenceTable;
}

export interface TrainedMatcher extends Matcher {
  readonly calibration: Calibration;
  /** Whether it was read back from the model store (the build's) or trained in this process. */
  readonly origin: 'stored' | 'trained';
}

const NONE_INDEX = INTENT_IDS.indexOf('none');

interface Reading {
  /** In-scope intents ranked by temperature-scaled probability (top `limit`), or [] when nothing is recognised. */
  readonly ranked: RankedCandidate[];
  /** The intent whose answer text is closest to the question (the content scorer's pick). */
  readonly contentBest: InScopeIntentId | undefined;
}

/** A question analysed and scored once, so calibration can both fit on its logits and read it. */
interface Scored {
  readonly analysis: Analysis;
  /** The classifier's logits plus the content scores, or undefined when no feature of the question is known. */
  readonly logits: Float64Array | undefined;
}

interface Scorer {
  score(text: string): Scored;
  /** Ranks a scored question's intents (its logits are left as they are). */
  read(scored: Scored, temperature: number, limit: number): Reading;
}

function topInScope(probabilities: Float64Array, limit: number): RankedCandidate[] {
  const ranked: RankedCandidate[] = [];
  for (let k = 0; k < INTENT_IDS.length; k++) {
    const intent = INTENT_IDS[k];
    if (k === NONE_INDEX || !isInScopeIntentId(intent)) continue;
    const confidence = probabilities[k] ?? 0;
    if (ranked.length === limit && confidence <= (ranked[limit - 1]?.confidence ?? 0)) continue;
    let position = ranked.length;
    while (position > 0 && (ranked[position - 1]?.confidence ?? 0) < confidence) position--;
    ranked.splice(position, 0, { intent, confidence });
    if (ranked.length > limit) ranked.pop();
  }
  return ranked;
}

/** Multiplies the in-scope probabilities by `scope` (in place). */
function scaleInScope(probabilities: Float64Array, scope: number): Float64Array {
  for (let k = 0; k < probabilities.length; k++) if (k !== NONE_INDEX) probabilities[k] = (probabilities[k] ?? 0) * scope;
  return probabilities;
}

/** What the matcher learns from its training examples (trained, or read back from a snapshot). */
interface Learnt {
  readonly vocabulary: ReadonlyMap<string, number>;
  readonly analyser: Analyser;
  readonly space: FeatureSpace;
  readonly model: SoftmaxModel;
  readonly detector: ScopeDetector | undefined;
}

function createScorer({ analyser, space, model, detector }: Learnt, content: ContentScorer, contentWeight: number): Scorer {
  const scoresOf = (stems: readonly string[], features: readonly string[]): Float64Array | undefined => {
    const vector = space.vectorise(features);
    if (vector.indices.length === 0) return undefined;
    const scores = model.logits(vector);
    content.addTo(scores, stems, contentWeight);
    return scores;
  };
  return {
    score(text) {
      const analysis = analyser.analyse(text);
      return { analysis, logits: scoresOf(analysis.stems, analysis.features) };
    },
    read({ analysis, logits }, temperature, limit) {
      if (logits === undefined) return { ranked: [], contentBest: undefined };
      const probabilities = softmaxInPlace(Float64Array.from(logits), temperature);
      if (detector !== undefined) scaleInScope(probabilities, detector.inScope(analysis));
      return { ranked: topInScope(probabilities, limit), contentBest: content.best(analysis.stems) };
    },
  };
}

/** Each in-scope intent's example weight: (mean examples per intent / its examples)^balance. */
function classWeights(training: readonly LabelledQuestion[], balance: number): (intent: IntentId) => number {
  const counts = new Map<IntentId, number>();
  for (const { intent } of training) if (intent !== 'none') counts.set(intent, (counts.get(intent) ?? 0) + 1);
  let total = 0;
  for (const count of counts.values()) total += count;
  const mean = total / Math.max(1, counts.size);
  return (intent) => Math.pow(mean / (counts.get(intent) ?? mean), balance);
}

function detectorOptions(settings: MatcherSettings): ScopeDetectorOptions {
  return {
    l2: settings.l2,
    epochs: settings.detectorEpochs,
    learningRate: settings.learningRate,
    lengthPrior: settings.lengthPrior,
    noneWeight: settings.detectorNoneWeight,
    minGram: 4,
    maxGram: 4,
  };
}

function learn(training: readonly LabelledQuestion[], content: IntentContent, settings: MatcherSettings): Learnt {
  // Each example tokenised once, for the vocabulary and for its analysis.
  const tokenised = training.map((question) => ({ question, tokens: tokenise(question.text) }));
  const vocabularyTexts = tokenised.map(({ tokens }) => tokens);
  if (settings.contentWeight !== 0) vocabularyTexts.push(...Object.values(content).map(tokenise));
  const vocabulary = buildVocabulary(vocabularyTexts);
  const analyser = createAnalyser(vocabulary, { letterTrigrams: settings.letterTrigrams });
  const analysed = tokenised.map(({ question, tokens }) => ({ question, ...analyser.analyseTokens(tokens) }));
  const space = buildFeatureSpace(
    analysed.map((item) => item.features),
    { bigramWeight: settings.bigramWeight, lengthPrior: settings.lengthPrior },
  );
  const weightOf = classWeights(training, settings.classBalance);
  const samples: TrainingSample[] = analysed.map(({ question, features }) => ({
    vector: space.vectorise(features),
    label: INTENT_IDS.indexOf(question.intent),
    weight: question.intent === 'none' ? settings.noneWeight : weightOf(question.intent),
  }));
  const model = trainSoftmax(samples, space.size, INTENT_IDS.length, settings, settings.seed === undefined ? undefined : seededRandom(settings.seed));
  const detector = settings.scopeDetector
    ? trainScopeDetector(
        analysed.map(({ question, tokens, features }) => ({ tokens, features, inScope: question.intent !== 'none' })),
        detectorOptions(settings),
      )
    : undefined;
  return { vocabulary, analyser, space, model, detector };
}

/** What a snapshot of a matcher trained with these settings holds, rebuilt. */
function learntFrom(snapshot: MatcherSnapshot, settings: MatcherSettings): Learnt {
  const vocabulary = new Map(snapshot.vocabulary);
  return {
    vocabulary,
    analyser: createAnalyser(vocabulary, { letterTrigrams: settings.letterTrigrams }),
    space: featureSpaceFrom(snapshot.space),
    model: softmaxModelFrom(snapshot.classifier.weights, snapshot.classifier.bias, INTENT_IDS.length),
    detector: snapshot.detector === undefined ? undefined : scopeDetectorFrom(snapshot.detector, detectorOptions(settings)),
  };
}

function snapshotOf({ vocabulary, space, model, detector }: Learnt, calibration: Calibration): MatcherSnapshot {
  return {
    vocabulary: [...vocabulary],
    space: space.state,
    classifier: { weights: model.weights, bias: model.bias },
    detector: detector?.state,
    calibration: { temperature: calibration.temperature, threshold: calibration.threshold, confidenceCells: calibration.confidence.cells },
  };
}

/** What the decision and the reported confidence use: the fitted (or stored) values, plus the settings' own rules. */
function calibrationOf(settings: MatcherSettings, temperature: number, threshold: number, confidence: ConfidenceTable): Calibration {
  return { temperature, threshold, ambiguityRatio: settings.ambiguityRatio, suggestFloor: settings.suggestFloor, confidence };
}

function calibrate(scorer: Scorer, tuning: readonly LabelledQuestion[], settings: MatcherSettings): Calibration {
  // Each tuning question analysed and scored once, for both the temperature and the threshold.
  const questions = tuning.map((question) => ({ question, scored: scorer.score(question.text) }));
  const labelled: LabelledLogits[] = [];
  for (const { question, scored } of questions) {
    if (scored.logits) labelled.push({ logits: scored.logits, label: INTENT_IDS.indexOf(question.intent) });
  }
  const temperature = settings.temperature ?? fitTemperature(labelled);
  const readings = questions.map(({ question, scored }) => ({ question, reading: scorer.read(scored, temperature, 3) }));
  const items: TuningItem[] = readings.map(({ question, reading }) => ({ ranked: reading.ranked, expected: question.intent }));
  const threshold = settings.threshold ?? tuneThreshold(items, settings.ambiguityRatio);
  const answered: ConfidenceItem[] = [];
  for (const { question, reading } of readings) {
    const decision = decide(reading.ranked, { threshold, ambiguityRatio: settings.ambiguityRatio });
    if (decision.intent === 'none') continue;
    answered.push({
      probability: decision.confidence,
      contentAgrees: reading.contentBest === decision.intent,
      correct: decision.intent === question.intent,
    });
  }
  return calibrationOf(settings, temperature, threshold, fitConfidenceTable(answered));
}

/** The matcher's learning and calibration: read back from `store` when it holds this very training, else done here. */
function trainOrRead(options: MatcherOptions, settings: MatcherSettings, content: IntentContent): { scorer: Scorer; calibration: Calibration; origin: TrainedMatcher['origin'] } {
  const training = options.training ?? TRAINING_SET;
  const tuning = options.tuning ?? TUNING_SET;
  const store = options.modelStore ?? createFileModelStore(DEFAULT_MODEL_DIRECTORY, { writable: false });
  const key = matcherKey({ training, tuning, content, settings });
  const stored = store.load(key);
  const snapshot = stored === undefined ? undefined : decodeSnapshot(stored, INTENT_IDS.length, settings.scopeDetector);
  if (snapshot !== undefined) {
    const learnt = learntFrom(snapshot, settings);
    const { temperature, threshold, confidenceCells } = snapshot.calibration;
    return {
      scorer: createScorer(learnt, createContentScorer(learnt.analyser, content), settings.contentWeight),
      calibration: calibrationOf(settings, temperature, threshold, confidenceTableFrom(confidenceCells)),
      origin: 'stored',
    };
  }
  const learnt = learn(exampleSetToQuestions(training), content, settings);
  const scorer = createScorer(learnt, createContentScorer(learnt.analyser, content), settings.contentWeight);
  const calibration = calibrate(scorer, exampleSetToQuestions(tuning), settings);
  if (store.writable) store.save(key, encodeSnapshot(snapshotOf(learnt, calibration)));
  return { scorer, calibration, origin: 'trained' };
}

export function createMatcher(options: MatcherOptions = {}): TrainedMatcher {
  const settings: MatcherSettings = { ...DEFAULT_MATCHER_SETTINGS, ...options.settings };
  const { scorer, calibration, origin } = trainOrRead(options, settings, options.content ?? answerContent());
  return {
    calibration,
    origin,
    match(text: string): MatchResult {
      const whole = answer(text);
      if (!settings.setCourtesiesAside || (whole.intent !== 'none' && !SMALL_TALK.has(whole.intent))) return whole;
      // Small talk or nothing: a question wrapped in courtesies is answered as the question alone.
      const core = setCourtesiesAside(text, (part) => SMALL_TALK.has(answer(part).intent));
      if (core === undefined) return whole;
      const inner = answer(core);
      // What is left decides, unless it is small talk too ("hi, hello there"), or nothing known and
      // too short to be a question of its own ("hi, hope you're well").
      if (SMALL_TALK.has(inner.intent)) return whole;
      if (inner.intent !== 'none') return inner;
      return whole.intent !== 'none' && isQuestionOfItsOwn(core) ? inner : whole;
    },
  };

  function answer(text: string): MatchResult {
    const reading = scorer.read(scorer.score(text), calibration.temperature, 3);
    const decision = decide(reading.ranked, calibration);
    if (decision.intent === 'none') return decision;
    const agrees = reading.contentBest === decision.intent;
    return { ...decision, confidence: calibration.confidence.confidence(decision.confidence, agrees) };
  }
}

