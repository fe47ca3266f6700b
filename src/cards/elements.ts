import { SOURCES, type SourceId } from '../content/sources.js';
import type { ActionData } from './actions.js';
import type { Action, ActionSet, AdaptiveCard, Container, Element, FactSet, LegacySubmitAction, OpenUrlAction, SubmitAction, TextBlock, ShowCardAction } from './schema.js';

export function heading(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true, size: 'Large', weight: 'Bolder', style: 'heading' };
}

export function subheading(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true, size: 'Medium', weight: 'Bolder', spacing: 'Medium' };
}

export function paragraph(text: string, extra: Partial<Omit<TextBlock, 'type' | 'text' | 'wrap'>> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

export function subtle(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true, isSubtle: true, size: 'Small' };
}

export function bullets(items: readonly string[]): TextBlock {
  return { type: 'TextBlock', text: items.map((i) => `- ${i}`).join('\r'), wrap: true };
}

export function numbered(items: readonly string[]): TextBlock {
  return { type: 'TextBlock', text: items.map((item, i) => `${i + 1}. ${item}`).join('\r'), wrap: true };
}

export function facts(pairs: readonly (readonly [string, string])[]): FactSet {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

export function callout(items: readonly Element[], style: Container['style'] = 'emphasis'): Container {
  return { type: 'Container', items, style, spacing: 'Medium' };
}

/**
 * "Source: …" under the content it supports, as one short line: each source's short name, linked
 * where facts.md gives an address (the full titles are in src/content/sources.ts for reviewers).
 */
export function sourceLine(ids: readonly SourceId[]): TextBlock {
  const unique = [...new Set(ids)];
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const id of unique) {
    const s = SOURCES[id];
    if (seen.has(s.short)) continue;
    seen.add(s.short);
    parts.push(s.url === '' ? s.short : `[${s.short}](${s.url})`);
  }
  return { type: 'TextBlock', text: `Source: ${parts.join('; ')}`, wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium', separator: true };
}

/** Dates and what happened, stacked (a date over its text), so a narrow screen never breaks a word. */
export function stacked(pairs: readonly (readonly [string, string])[]): Container {
  return {
    type: 'Container',
    spacing: 'Medium',
    items: pairs.flatMap(([title, value]): TextBlock[] => [
      { type: 'TextBlock', text: title, wrap: true, weight: 'Bolder', spacing: 'Small' },
      { type: 'TextBlock', text: value, wrap: true, spacing: 'None' },
    ]),
  };
}

/** Details on demand: a "More" button that opens the items under it, in the same card (nothing is sent). */
export function more(items: readonly Element[], title = 'More'): Element[] {
  if (items.length === 0) return [];
  const show: ShowCardAction = { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body: items } };
  return [{ type: 'ActionSet', actions: [show], spacing: 'Small' }];
}

/** A button: a Universal Action (verb and data) with the same press as Action.Submit for older clients. */
export function submit(title: string, data: ActionData, style?: SubmitAction['style']): SubmitAction {
  const fallback: LegacySubmitAction = style === undefined ? { type: 'Action.Submit', title, data } : { type: 'Action.Submit', title, data, style };
  const verb = typeof data.action === 'string' ? data.action : 'press';
  return { type: 'Action.Execute', title, verb, data, ...(style === undefined ? {} : { style }), fallback };
}

export function openUrl(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

export function card(body: readonly Element[], actions: readonly Action[], fallbackText: string): AdaptiveCard {
  const base = {
    type: 'AdaptiveCard' as const,
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' as const,
    version: '1.5' as const,
    body,
    fallbackText,
  };
  return actions.length === 0 ? base : { ...base, actions };
}

/** Teams shows at most five buttons in a row of actions: longer lists are split into several. */
export const MAX_ACTIONS = 5;

export function actionSets(actions: readonly Action[], perRow: number = MAX_ACTIONS - 1): ActionSet[] {
  const size = Math.max(1, Math.min(perRow, MAX_ACTIONS));
  const sets: ActionSet[] = [];
  for (let i = 0; i < actions.length; i += size) sets.push({ type: 'ActionSet', actions: actions.slice(i, i + size) });
  return sets;
}
