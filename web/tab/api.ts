/**
 * The two JSON endpoints the tab reads, served by the bot's own server:
 *   GET /api/guide        → { sections: { id, title, cards: AdaptiveCard[] }[] }
 *   GET /api/ask?q=<text> → { answer: AdaptiveCard }
 * Responses are checked before use; cards themselves are checked by the adaptivecards SDK.
 */

export type CardJson = Readonly<Record<string, unknown>>;

export interface GuideSection {
  readonly id: string;
  readonly title: string;
  readonly cards: readonly CardJson[];
}

export interface Guide {
  readonly sections: readonly GuideSection[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCardJson(value: unknown): value is CardJson {
  return isRecord(value) && value.type === 'AdaptiveCard';
}

const SECTION_ID = /^[A-Za-z][\w-]{0,63}$/;

function parseSection(value: unknown): GuideSection | undefined {
  if (!isRecord(value)) return undefined;
  const { id, title, cards } = value;
  if (typeof id !== 'string' || !SECTION_ID.test(id) || typeof title !== 'string' || !Array.isArray(cards)) return undefined;
  return { id, title, cards: cards.filter(isCardJson) };
}

export function parseGuide(value: unknown): Guide | undefined {
  if (!isRecord(value) || !Array.isArray(value.sections)) return undefined;
  const sections: GuideSection[] = [];
  for (const item of value.sections) {
    const section = parseSection(item);
    if (section) sections.push(section);
  }
  return { sections };
}

export function parseAnswer(value: unknown): CardJson | undefined {
  return isRecord(value) && isCardJson(value.answer) ? value.answer : undefined;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

async function getJson(fetchFn: Fetch, url: string): Promise<unknown> {
  const response = await fetchFn(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

export async function fetchGuide(fetchFn: Fetch): Promise<Guide> {
  const guide = parseGuide(await getJson(fetchFn, '/api/guide'));
  if (!guide) throw new Error('unexpected guide format');
  return guide;
}

export async function fetchAnswer(fetchFn: Fetch, question: string): Promise<CardJson> {
  const answer = parseAnswer(await getJson(fetchFn, `/api/ask?q=${encodeURIComponent(question)}`));
  if (!answer) throw new Error('unexpected answer format');
  return answer;
}
