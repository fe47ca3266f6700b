import { generateSync } from 'otplib';
import { SETUP_KEY_ID } from '../../src/cards/practice.js';
import type { AdaptiveCard, Element } from '../../src/cards/schema.js';

/** Every element of a card body, containers and columns opened. */
export function walk(elements: readonly Element[]): Element[] {
  return elements.flatMap((e) => [e, ...(e.type === 'Container' ? walk(e.items) : e.type === 'ColumnSet' ? e.columns.flatMap((c) => walk(c.items)) : [])]);
}

/** What a user types into the app: the set-up key shown on the card, without the spaces. */
export function secretOnCard(card: AdaptiveCard): string {
  const key = walk(card.body).find((e) => e.type === 'TextBlock' && e.id === SETUP_KEY_ID);
  if (key?.type !== 'TextBlock') throw new Error('no set-up key on the card');
  return key.text.replace(/\s+/g, '');
}

/** The code an authenticator app shows for this secret when the phone's clock reads `phoneMs`. */
export function phoneCode(secret: string, phoneMs: number): string {
  return generateSync({ secret, epoch: Math.floor(phoneMs / 1000), algorithm: 'sha1', digits: 6, period: 30 });
}
