import type { AdaptiveCard, Element } from './schema.js';
import { buttonsOf, type CardButton } from './choices.js';

function markdownToPlain(text: string): string {
  return text.replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\r/g, '\n');
}

function elementLines(e: Element): string[] {
  switch (e.type) {
    case 'TextBlock':
      return [markdownToPlain(e.text)];
    case 'RichTextBlock':
      return [e.inlines.map((i) => i.text).join('')];
    case 'FactSet':
      return e.facts.map((f) => `${f.title}: ${f.value}`);
    case 'Image':
      return [`[image: ${e.altText}]`];
    case 'Container':
      return e.items.flatMap(elementLines);
    case 'ColumnSet':
      return e.columns.flatMap((c) => [...c.items.flatMap(elementLines), '']);
    case 'ActionSet':
      // Plain text has no "More" button: what it opens is shown in place.
      return e.actions.flatMap((a) => (a.type === 'Action.ShowCard' ? a.card.body.flatMap(elementLines) : []));
    case 'Input.Text':
      return [`(${e.label}${e.isRequired === true ? '' : ', optional'})`];
    case 'Input.ChoiceSet':
      return [`(${e.label}: ${e.choices.map((c) => c.title).join(' / ')})`];
    case 'Input.Toggle':
      return [`(${e.title})`];
  }
}

export interface TextCard {
  readonly text: string;
  readonly buttons: readonly CardButton[];
}

/** A card as plain text with its buttons numbered, for the terminal chat. */
export function cardToText(card: AdaptiveCard): TextCard {
  const buttons = buttonsOf(card);
  const body = card.body.flatMap(elementLines).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  const list = buttons.map((b, i) => `  ${i + 1}. ${b.title}${b.kind === 'url' ? ` <${b.url}>` : ''}`).join('\n');
  return { text: list === '' ? body : `${body}\n\n${list}`, buttons };
}
