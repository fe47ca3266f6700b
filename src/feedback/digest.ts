import {
  FEEDBACK_CATEGORIES,
  isFeedbackCategory,
  isFeedbackRating,
  type FeedbackCategory,
  type FeedbackItem,
  type FeedbackRating,
} from './model.js';
import { parseFunnelReport, type FunnelReport } from '../funnel/report.js';
import { renderFunnelText } from '../funnel/render.js';
import { findThemes, type Theme } from './themes.js';
import type { UnansweredQuestion } from './unanswered.js';

export interface DigestQuote {
  readonly reference: string;
  readonly category: FeedbackCategory;
  readonly rating: FeedbackRating | null;
  readonly text: string;
}

export interface CategoryCount {
  readonly category: FeedbackCategory;
  readonly count: number;
  readonly averageRating: number | null;
}

/** A collation of the feedback in one period, for the service owner. */
export interface Digest {
  /** Unique id, dg_…; sent as `webhook-id`. */
  readonly id: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly total: number;
  /** Categories with at least one item, most first. */
  readonly byCategory: readonly CategoryCount[];
  /** Mean of the ratings given, one decimal; null when nobody rated. */
  readonly averageRating: number | null;
  readonly ratedCount: number;
  /** How many items gave each rating, "1" to "5". */
  readonly ratings: Readonly<Record<'1' | '2' | '3' | '4' | '5', number>>;
  readonly themes: readonly Theme[];
  readonly quotes: readonly DigestQuote[];
  readonly unanswered: readonly UnansweredQuestion[];
  /** The enrolment funnel of the period, small numbers suppressed (absent in digests from before it was counted). */
  readonly funnel?: FunnelReport;
}

export interface DigestOptions {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly maxThemes?: number;
  readonly maxQuotes?: number;
  /** Quotes longer than this are cut at a word boundary with "…". */
  readonly quoteMaxChars?: number;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/u, '')}…`;
}

/**
 * Collates items: counts by category, ratings, recurring themes (TF-IDF), a few representative
 * quotes (the texts that carry the themes most, preferring different categories), and the
 * questions the bot could not answer.
 */
export function buildDigest(items: readonly FeedbackItem[], unanswered: readonly UnansweredQuestion[], options: DigestOptions): Digest {
  const ratingsGiven = items.flatMap((i) => (i.rating === null ? [] : [i.rating]));
  const byCategory = FEEDBACK_CATEGORIES.map((category): CategoryCount => {
    const inCategory = items.filter((i) => i.category === category);
    return {
      category,
      count: inCategory.length,
      averageRating: mean(inCategory.flatMap((i) => (i.rating === null ? [] : [i.rating]))),
    };
  })
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count);

  const { themes, themeWeight } = findThemes(
    items.map((i) => i.text),
    options.maxThemes ?? 8,
  );

  const maxQuotes = options.maxQuotes ?? 3;
  const order = items
    .map((item, index) => ({ item, weight: themeWeight[index] ?? 0, index }))
    .filter(({ item }) => item.text.trim().length >= 20)
    .sort((a, b) => b.weight - a.weight || b.index - a.index);
  const chosen: FeedbackItem[] = [];
  for (const { item } of order) {
    if (chosen.length >= maxQuotes) break;
    if (!chosen.some((c) => c.category === item.category)) chosen.push(item);
  }
  for (const { item } of order) {
    if (chosen.length >= maxQuotes) break;
    if (!chosen.includes(item)) chosen.push(item);
  }

  return {
    id: options.id,
    period: { from: new Date(options.from).toISOString(), to: new Date(options.to).toISOString() },
    total: items.length,
    byCategory,
    averageRating: mean(ratingsGiven),
    ratedCount: ratingsGiven.length,
    ratings: {
      '1': ratingsGiven.filter((r) => r === 1).length,
      '2': ratingsGiven.filter((r) => r === 2).length,
      '3': ratingsGiven.filter((r) => r === 3).length,
      '4': ratingsGiven.filter((r) => r === 4).length,
      '5': ratingsGiven.filter((r) => r === 5).length,
    },
    themes,
    quotes: chosen.map((item) => ({
      reference: item.reference,
      category: item.category,
      rating: item.rating,
      text: shorten(item.text, options.quoteMaxChars ?? 280),
    })),
    unanswered,
  };
}

function day(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ') + ' UTC';
}

/** The digest as plain text (the CLI prints this). */
export function renderDigestText(digest: Digest): string {
  const lines: string[] = [];
  lines.push(`MFA feedback digest, ${day(digest.period.from)} to ${day(digest.period.to)}`);
  lines.push('');
  if (digest.total === 0) {
    lines.push('No feedback in this period.');
  } else {
    lines.push(`${digest.total} item${digest.total === 1 ? '' : 's'} of feedback.`);
    lines.push(
      digest.averageRating === null
        ? 'Nobody gave a rating.'
        : `Average rating ${digest.averageRating} out of 5 (${digest.ratedCount} rated; ` +
            `${(['5', '4', '3', '2', '1'] as const).map((r) => `${r}★ ${digest.ratings[r]}`).join(', ')}).`,
    );
    lines.push('');
    lines.push('By category:');
    for (const c of digest.byCategory) {
      lines.push(`  ${c.category}: ${c.count}${c.averageRating === null ? '' : ` (average ${c.averageRating})`}`);
    }
    if (digest.themes.length > 0) {
      lines.push('');
      lines.push('Recurring themes:');
      for (const t of digest.themes) lines.push(`  ${t.term} (${t.items} item${t.items === 1 ? '' : 's'})`);
    }
    if (digest.quotes.length > 0) {
      lines.push('');
      lines.push('What people said:');
      for (const q of digest.quotes) {
        lines.push(`  ${q.reference} · ${q.category}${q.rating === null ? '' : ` · ${q.rating}/5`}`);
        lines.push(`    “${q.text}”`);
      }
    }
  }
  lines.push('');
  if (digest.unanswered.length === 0) {
    lines.push('No unanswered questions in this period.');
  } else {
    lines.push('Questions the bot could not answer:');
    for (const u of digest.unanswered) lines.push(`  ${u.count}× ${u.text}`);
  }
  if (digest.funnel !== undefined) lines.push('', ...renderFunnelText(digest.funnel));
  return lines.join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOrNull(value: unknown): value is number | null {
  return value === null || typeof value === 'number';
}

/** Narrows a digest read back from the outbox; throws when it is not one. */
export function parseDigest(value: unknown): Digest {
  if (!isRecord(value)) throw new TypeError('Digest is not an object');
  const { id, period, total, byCategory, averageRating, ratedCount, ratings, themes, quotes, unanswered, funnel } = value;
  if (typeof id !== 'string' || !isRecord(period) || typeof period['from'] !== 'string' || typeof period['to'] !== 'string') {
    throw new TypeError('Digest lacks id or period');
  }
  if (typeof total !== 'number' || typeof ratedCount !== 'number' || !numberOrNull(averageRating)) {
    throw new TypeError(`Digest ${id} has bad totals`);
  }
  if (!isRecord(ratings)) throw new TypeError(`Digest ${id} has bad ratings`);
  const rating = (key: string): number => {
    const n = ratings[key];
    if (typeof n !== 'number') throw new TypeError(`Digest ${id} has bad ratings`);
    return n;
  };
  if (!Array.isArray(byCategory) || !Array.isArray(themes) || !Array.isArray(quotes) || !Array.isArray(unanswered)) {
    throw new TypeError(`Digest ${id} has bad lists`);
  }
  return {
    id,
    period: { from: period['from'], to: period['to'] },
    total,
    averageRating,
    ratedCount,
    ratings: { '1': rating('1'), '2': rating('2'), '3': rating('3'), '4': rating('4'), '5': rating('5') },
    byCategory: byCategory.map((c: unknown): CategoryCount => {
      if (!isRecord(c) || !isFeedbackCategory(c['category']) || typeof c['count'] !== 'number' || !numberOrNull(c['averageRating'])) {
        throw new TypeError(`Digest ${id} has a bad category count`);
      }
      return { category: c['category'], count: c['count'], averageRating: c['averageRating'] };
    }),
    themes: themes.map((t: unknown): Theme => {
      if (!isRecord(t) || typeof t['term'] !== 'string' || typeof t['items'] !== 'number' || typeof t['score'] !== 'number') {
        throw new TypeError(`Digest ${id} has a bad theme`);
      }
      return { term: t['term'], items: t['items'], score: t['score'] };
    }),
    quotes: quotes.map((q: unknown): DigestQuote => {
      if (!isRecord(q) || typeof q['reference'] !== 'string' || !isFeedbackCategory(q['category']) || typeof q['text'] !== 'string') {
        throw new TypeError(`Digest ${id} has a bad quote`);
      }
      const r = q['rating'];
      if (r !== null && !isFeedbackRating(r)) throw new TypeError(`Digest ${id} has a bad quote rating`);
      return { reference: q['reference'], category: q['category'], rating: r, text: q['text'] };
    }),
    unanswered: unanswered.map((u: unknown): UnansweredQuestion => {
      if (!isRecord(u) || typeof u['text'] !== 'string' || typeof u['count'] !== 'number') {
        throw new TypeError(`Digest ${id} has a bad unanswered question`);
      }
      return { text: u['text'], count: u['count'] };
    }),
    ...(funnel === undefined ? {} : { funnel: parseFunnelReport(funnel) }),
  };
}
