/**
 * What a button meant for the bot can do in the tab, where there is no bot to receive it:
 * jump to a section of the guide, ask the question it carries (imBack/messageBack text), or
 * say politely that it works in the chat.
 */

/** What a bot button means in the tab. */
export type TabAction = { readonly kind: 'section'; readonly id: string } | { readonly kind: 'ask'; readonly text: string } | { readonly kind: 'chat-only' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SECTION_KEYS = ['section', 'conversation', 'target', 'intent'] as const;
const TEXT_KEYS = ['question', 'q'] as const;

/** Interprets a button's data against the guide's section ids. */
export function tabActionFor(data: unknown, sectionIds: readonly string[]): TabAction {
  if (typeof data === 'string' && data.trim()) return { kind: 'ask', text: data.trim() };
  if (!isRecord(data)) return { kind: 'chat-only' };
  for (const key of SECTION_KEYS) {
    const value = data[key];
    if (typeof value === 'string' && sectionIds.includes(value)) return { kind: 'section', id: value };
  }
  const teams = data.msteams;
  if (isRecord(teams)) {
    const said = teams.type === 'imBack' ? teams.value : teams.type === 'messageBack' ? teams.text : undefined;
    if (typeof said === 'string' && said.trim()) return { kind: 'ask', text: said.trim() };
  }
  for (const key of TEXT_KEYS) {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) return { kind: 'ask', text: value.trim() };
  }
  return { kind: 'chat-only' };
}

