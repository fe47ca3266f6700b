import { containerBootstrap } from '@nlpjs/core';
import { Nlp } from '@nlpjs/nlp';
import { LangEn } from '@nlpjs/lang-en-min';
import { BayesClassifier } from 'natural/lib/natural/classifiers/index.js';
import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import type { ExampleSet } from '../../src/content/intents/types.js';
import type { RankedCandidate } from '../../src/nlu/decision.js';
import { decide } from '../../src/nlu/decision.js';
import { isInScopeIntentId, type IntentId } from '../../src/nlu/intents.js';
import { exampleSetToQuestions } from '../../src/nlu/labelled.js';
import { createMatcher } from '../../src/nlu/matcher.js';
import { NO_MODEL_STORE } from '../../src/nlu/model-store.js';
import { tuneThreshold } from '../../src/nlu/threshold.js';

/** One contender in the benchmark: built from the same training and tuning examples. */
export interface System {
  readonly name: string;
  /** Everything needed before the first question: training and, where it applies, tuning. */
  build(training: ExampleSet, tuning: ExampleSet): Promise<Classifier>;
}

/** What a system answered, with its own confidence in that answer (0–1). */
export interface Classification {
  readonly intent: IntentId;
  readonly confidence: number;
  /** With `none`: the topics offered instead as one-tap choices (systems that offer any). */
  readonly suggestions?: readonly IntentId[];
}

export interface Classifier {
  classify(text: string): Promise<Classification> | Classification;
}

/** A plain threshold rule for the baselines: best in-scope score ≥ threshold, else none. */
const PLAIN_THRESHOLD = Number.POSITIVE_INFINITY;

function rank(scores: readonly { readonly label: string; readonly score: number }[]): RankedCandidate[] {
  const ranked: RankedCandidate[] = [];
  for (const { label, score } of scores) if (isInScopeIntentId(label)) ranked.push({ intent: label, confidence: score });
  return ranked.sort((a, b) => b.confidence - a.confidence).slice(0, 3);
}

async function tunedClassifier(
  tuning: ExampleSet,
  score: (text: string) => Promise<RankedCandidate[]> | RankedCandidate[],
): Promise<Classifier> {
  const items = [];
  for (const question of exampleSetToQuestions(tuning)) {
    items.push({ ranked: await score(question.text), expected: question.intent });
  }
  const threshold = tuneThreshold(items, PLAIN_THRESHOLD);
  return {
    async classify(text) {
      const { intent, confidence } = decide(await score(text), { threshold, ambiguityRatio: PLAIN_THRESHOLD });
      return { intent, confidence };
    },
  };
}

export const thisMatcher: System = {
  name: 'MFA Assistant matcher',
  build(training, tuning) {
    const matcher = createMatcher({ training, tuning, modelStore: NO_MODEL_STORE });
    return Promise.resolve({
      classify(text: string) {
        const { intent, confidence, suggestions } = matcher.match(text);
        return { intent, confidence, suggestions };
      },
    });
  },
};

async function trainNlpjs(training: ExampleSet): Promise<Nlp> {
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangEn);
  const nlp = container.get('nlp');
  if (!(nlp instanceof Nlp)) throw new Error('nlp.js container did not give an Nlp');
  nlp.settings.autoSave = false;
  nlp.settings.autoLoad = false;
  nlp.settings.calculateSentiment = false;
  nlp.nluManager.settings.log = false;
  nlp.addLanguage('en');
  for (const question of exampleSetToQuestions(training)) {
    nlp.addDocument('en', question.text, question.intent === 'none' ? 'None' : question.intent);
  }
  await nlp.train();
  return nlp;
}

export const nlpjsDefault: System = {
  name: 'nlp.js, default threshold (0.5)',
  async build(training) {
    const nlp = await trainNlpjs(training);
    return {
      async classify(text) {
        const { intent, score } = await nlp.process('en', text);
        return { intent: isInScopeIntentId(intent) ? intent : 'none', confidence: typeof score === 'number' ? score : 0 };
      },
    };
  },
};

export const nlpjsTuned: System = {
  name: 'nlp.js, threshold tuned',
  async build(training, tuning) {
    const nlp = await trainNlpjs(training);
    nlp.settings.threshold = 0;
    return tunedClassifier(tuning, async (text) => {
      const result = await nlp.process('en', text);
      return rank((result.classifications ?? []).map(({ intent, score }) => ({ label: intent, score })));
    });
  },
};

export const naturalBayes: System = {
  name: 'natural BayesClassifier, normalised, threshold tuned',
  build(training, tuning) {
    const bayes = new BayesClassifier(PorterStemmer);
    for (const question of exampleSetToQuestions(training)) bayes.addDocument(question.text, question.intent);
    bayes.train();
    return tunedClassifier(tuning, (text) => {
      const classifications = bayes.getClassifications(text);
      const total = classifications.reduce((sum, { value }) => sum + value, 0);
      return rank(classifications.map(({ label, value }) => ({ label, score: total > 0 ? value / total : 0 })));
    });
  },
};

export const SYSTEMS: readonly System[] = [thisMatcher, nlpjsDefault, nlpjsTuned, naturalBayes];
