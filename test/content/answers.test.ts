import { describe, expect, it } from 'vitest';
import { INTENT_ANSWERS } from '../../src/content/answers.js';
import { CONTACTS } from '../../src/content/contacts.js';
import { isConversationId, isProblemId } from '../../src/content/conversations.js';
import { SOURCES } from '../../src/content/sources.js';
import { IN_SCOPE_INTENT_IDS, isIntentId } from '../../src/nlu/intents.js';

const answers = IN_SCOPE_INTENT_IDS.map((intent) => [intent, INTENT_ANSWERS[intent]] as const);

describe('answers for recognised intents', () => {
  it('exist for every intent except none, and only for those', () => {
    expect(Object.keys(INTENT_ANSWERS).sort()).toEqual([...IN_SCOPE_INTENT_IDS].sort());
  });

  it.each(answers)('%s is short: a title and 2–4 short paragraphs', (_, answer) => {
    expect(answer.title.trim()).not.toBe('');
    expect(answer.paragraphs.length).toBeGreaterThanOrEqual(2);
    expect(answer.paragraphs.length).toBeLessThanOrEqual(4);
    for (const paragraph of answer.paragraphs) {
      expect(paragraph.trim()).not.toBe('');
      expect(paragraph.length).toBeLessThanOrEqual(320);
    }
  });

  it.each(answers)('%s names real sources', (_, answer) => {
    for (const source of [answer.source, ...(answer.extraSources ?? [])]) expect(Object.keys(SOURCES)).toContain(source);
  });

  it.each(answers)('%s offers follow-ups that exist, are not itself and are not none', (intent, answer) => {
    for (const followUp of answer.followUps ?? []) {
      expect(isIntentId(followUp)).toBe(true);
      expect(followUp).not.toBe('none');
      expect(followUp).not.toBe(intent);
    }
  });

  it.each(answers)('%s starts only conversations that exist', (_, answer) => {
    if (answer.start === undefined) return;
    expect(isConversationId(answer.start.conversation)).toBe(true);
    if (answer.start.conversation === 'trouble' && answer.start.problem !== undefined) {
      expect(isProblemId(answer.start.problem)).toBe(true);
    }
  });

  it('start the guided conversations the bot offers for them', () => {
    expect(INTENT_ANSWERS['enrol.how'].start).toEqual({ conversation: 'enrol' });
    expect(INTENT_ANSWERS['methods.choose'].start).toEqual({ conversation: 'methods' });
    expect(INTENT_ANSWERS['practice.start'].start).toEqual({ conversation: 'practice' });
    expect(INTENT_ANSWERS['feedback.give'].start).toEqual({ conversation: 'feedback' });
    expect(INTENT_ANSWERS['chat.help'].start).toEqual({ conversation: 'menu' });
    expect(INTENT_ANSWERS['chat.greeting'].start).toEqual({ conversation: 'menu' });
    expect(INTENT_ANSWERS['trouble.new_phone'].start).toEqual({ conversation: 'trouble', problem: 'new_phone' });
    expect(INTENT_ANSWERS['signin.unexpected'].start).toEqual({ conversation: 'trouble', problem: 'unexpected_signin' });
    expect(INTENT_ANSWERS['travel.abroad'].start).toEqual({ conversation: 'trouble', problem: 'abroad' });
  });

  it('give only the contact details from contacts.ts: no retyped or invented numbers, addresses or links', () => {
    const phones = new Set([CONTACTS.helpdesk.phone]);
    const emails = new Set([CONTACTS.helpdesk.email, 'pharmacy.ODScode@nhs.net']);
    const urls = new Set([CONTACTS.portal.url, CONTACTS.securityInfo.url, CONTACTS.feedback.url]);
    const text = answers.flatMap(([, answer]) => [answer.title, ...answer.paragraphs]).join('\n');
    for (const phone of text.match(/\b0\d{2,4}[ \d]{6,9}\d\b/g) ?? []) expect(phones).toContain(phone);
    for (const email of text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []) expect(emails).toContain(email);
    for (const url of text.match(/https?:\/\/[^\s,)]+[^\s,.)]/g) ?? []) expect(urls).toContain(url);
    let rest = text;
    for (const known of [...emails, ...urls]) rest = rest.split(known).join(' ');
    expect(rest).not.toMatch(/\b(www\.|[a-z0-9-]+\.(net|org|com|co|uk)\b)/i);
    expect(text).toContain(CONTACTS.helpdesk.phone);
    expect(text).toContain(CONTACTS.feedback.url);
  });

  it('never ask for a password or a code', () => {
    const text = answers.flatMap(([, answer]) => answer.paragraphs).join('\n').toLowerCase();
    expect(text).not.toMatch(/(tell|send|give|type|enter) me (your|the) (password|code)/);
    expect(text).not.toMatch(/what is your (password|code)/);
  });
});
