import { TfIdf } from 'natural/lib/natural/tfidf/index.js';
import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import { PLACEHOLDERS } from '../privacy/index.js';

export interface Theme {
  /** The word as people most often wrote it. */
  readonly term: string;
  /** In how many texts it appears. */
  readonly items: number;
  /** Summed TF-IDF weight over the texts (higher = more characteristic and more frequent). */
  readonly score: number;
}

/**
 * Common English words and words every MFA text shares, which say nothing about a theme.
 * Kept here (not natural's list) so theme extraction never changes natural's global settings.
 */
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between
  both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each even ever every few
  for from further get gets got had hadn't has hasn't have haven't having he her here hers herself him himself his how i
  i'd i'll i'm i've if in into is isn't it it's its itself just let's like me more most much must mustn't my myself need
  needs no nor not now of off on once only or other ought our ours ourselves out over own really said same say says she
  should shouldn't so some still such than that that's the their theirs them themselves then there there's these they
  they'd they'll they're they've this those through to too under until up upon us very was wasn't we we'd we'll we're
  we've were weren't what what's when when's where where's which while who who's whom why why's will with won't would
  wouldn't yes yet you you'd you'll you're you've your yours yourself yourselves thanks thank please one two three lot
  lots thing things bit way well also quite much many make made use used using go going went want wanted time times day
  days week weeks work works working mfa nhsmail nhs`.split(/\s+/),
);

const PLACEHOLDER_TEXTS = Object.values(PLACEHOLDERS);

function tokens(text: string): string[] {
  let clean = text;
  for (const placeholder of PLACEHOLDER_TEXTS) clean = clean.split(placeholder).join(' ');
  return (clean.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu) ?? [])
    .map((t) => t.replace(/’/g, "'"))
    .filter((t) => t.length >= 3 && !STOPWORDS.has(t));
}

export interface ThemeAnalysis {
  readonly themes: Theme[];
  /** For each text (same order as given), how strongly it carries the themes. */
  readonly themeWeight: number[];
}

/**
 * Recurring themes with natural's TfIdf: each text is a document of stemmed words ("clocks",
 * "clock" count as one); a theme is a stem found in at least two texts (or in the only text),
 * ranked by its summed TF-IDF weight.
 */
export function findThemes(texts: readonly string[], maxThemes = 8): ThemeAnalysis {
  const tfidf = new TfIdf();
  const surface = new Map<string, Map<string, number>>();
  for (const text of texts) {
    const stems = tokens(text).map((word) => {
      const stem = PorterStemmer.stem(word);
      const forms = surface.get(stem) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      surface.set(stem, forms);
      return stem;
    });
    tfidf.addDocument(stems);
  }

  const totals = new Map<string, { items: number; score: number }>();
  texts.forEach((_text, d) => {
    for (const { term, tfidf: weight } of tfidf.listTerms(d)) {
      const total = totals.get(term) ?? { items: 0, score: 0 };
      total.items += 1;
      total.score += weight;
      totals.set(term, total);
    }
  });

  const minItems = texts.length >= 2 ? 2 : 1;
  const ranked = [...totals.entries()]
    .filter(([, total]) => total.items >= minItems)
    .sort((a, b) => b[1].score - a[1].score || b[1].items - a[1].items || a[0].localeCompare(b[0]))
    .slice(0, maxThemes);

  const themes = ranked.map(([stem, total]): Theme => ({
    term: mostCommonForm(surface.get(stem)) ?? stem,
    items: total.items,
    score: Math.round(total.score * 100) / 100,
  }));
  const stems = ranked.map(([stem]) => stem);
  const themeWeight = stems.length === 0 ? texts.map(() => 0) : tfidf.tfidfs(stems);
  return { themes, themeWeight };
}

function mostCommonForm(forms: Map<string, number> | undefined): string | undefined {
  if (forms === undefined) return undefined;
  return [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))[0]?.[0];
}
