import { funnelCardElements } from '../funnel/render.js';
import { listRemoved } from '../privacy/index.js';
import type { Digest } from './digest.js';
import type { FeedbackItem } from './model.js';

/**
 * Adaptive Cards (schema 1.5, what Teams renders) for the service owner's channel, built as plain
 * JSON objects. What users wrote goes into RichTextBlock TextRuns, which Teams shows as typed
 * (no markdown, so no surprise links).
 */
export type CardElement = Readonly<Record<string, unknown>>;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly msteams: { readonly width: 'Full' };
}

function card(body: CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    msteams: { width: 'Full' },
  };
}

function heading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' };
}

function subheading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' };
}

function note(text: string): CardElement {
  return { type: 'TextBlock', text, isSubtle: true, size: 'Small', wrap: true };
}

/** User-written text, shown as typed. */
function plain(text: string, italic = false): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...(italic ? { italic: true } : {}) }] };
}

/** Fact values may be rendered as markdown: escape what could format or link. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]()<>#~|])/g, '\\$1');
}

function facts(pairs: readonly (readonly [string, string])[]): CardElement {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value: escapeMarkdown(value) })) };
}

function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

export function feedbackCard(item: FeedbackItem): AdaptiveCard {
  return card([
    heading(`MFA feedback ${item.reference}`),
    facts([
      ['Category', item.category],
      ['Rating', item.rating === null ? 'Not given' : `${item.rating} out of 5`],
      ['Role', item.role ?? 'Not given'],
      ['Contact', item.contact === null ? 'Did not ask to be contacted' : `${item.contact.name} <${item.contact.email}>`],
      ['Received', when(item.createdAt)],
      ['Channel', item.channel],
    ]),
    plain(item.text),
    ...(item.removed.length > 0 ? [note(`Removed before storing: ${listRemoved(item.removed)}.`)] : []),
    note(`Item ${item.id} · user ${item.userHash}`),
  ]);
}

export interface DigestCardLimits {
  readonly quotes: number;
  readonly unanswered: number;
  readonly themes: number;
}

export function digestCard(digest: Digest, limits?: DigestCardLimits): AdaptiveCard {
  const quotes = digest.quotes.slice(0, limits?.quotes ?? digest.quotes.length);
  const unanswered = digest.unanswered.slice(0, limits?.unanswered ?? digest.unanswered.length);
  const themes = digest.themes.slice(0, limits?.themes ?? digest.themes.length);
  const body: CardElement[] = [
    heading('MFA feedback digest'),
    note(`${when(digest.period.from)} to ${when(digest.period.to)}`),
    facts([
      ['Items', String(digest.total)],
      ['Average rating', digest.averageRating === null ? 'No ratings' : `${digest.averageRating} out of 5 (${digest.ratedCount} rated)`],
    ]),
  ];
  if (digest.byCategory.length > 0) {
    body.push(subheading('By category'));
    body.push(
      facts(digest.byCategory.map((c) => [c.category, `${c.count}${c.averageRating === null ? '' : ` (average ${c.averageRating})`}`] as const)),
    );
  }
  if (themes.length > 0) {
    body.push(subheading('Recurring themes'));
    body.push(plain(themes.map((t) => `${t.term} (${t.items})`).join(' · ')));
  }
  if (quotes.length > 0) {
    body.push(subheading('What people said'));
    for (const q of quotes) {
      body.push(note(`${q.reference} · ${q.category}${q.rating === null ? '' : ` · ${q.rating}/5`}`));
      body.push(plain(`“${q.text}”`, true));
    }
  }
  body.push(subheading('Questions the bot could not answer'));
  body.push(unanswered.length === 0 ? note('None in this period.') : plain(unanswered.map((u) => `${u.count}× ${u.text}`).join('\n')));
  if (digest.total === 0) body.splice(3, 0, note('No feedback in this period.'));
  if (digest.funnel !== undefined) body.push(...funnelCardElements(digest.funnel, subheading));
  if (limits !== undefined && (quotes.length < digest.quotes.length || unanswered.length < digest.unanswered.length)) {
    body.push(note('Some quotes or questions were left out to fit the Teams message size.'));
  }
  return card(body);
}
