import { describe, expect, it } from 'vitest';
import { collectMessages } from '../../scripts/lib/readability.js';
import { answerCard } from '../../src/cards/answer.js';
import { buttonsOf } from '../../src/cards/choices.js';
import { nextSignInCard } from '../../src/cards/enrolment.js';
import { feedbackThanksCard } from '../../src/cards/feedback.js';
import { forTab } from '../../src/cards/guide.js';
import type { AdaptiveCard } from '../../src/cards/schema.js';
import { cardToText } from '../../src/cards/toText.js';
import { pickProblemCard, troubleStepCard } from '../../src/cards/troubleshooting.js';
import { urgentCard } from '../../src/cards/urgent.js';
import { INTENT_ANSWERS } from '../../src/content/answers.js';
import { CONTACTS } from '../../src/content/contacts.js';
import { ENROLMENT_STEPS } from '../../src/content/enrolment.js';
import { FEEDBACK } from '../../src/content/feedback.js';
import { CHOOSER_QUESTION_IDS, METHODS, METHODS_INTRO, nextChooserQuestion, recommend, type ChooserAnswers } from '../../src/content/methods.js';
import { SOURCES } from '../../src/content/sources.js';
import { PROBLEMS } from '../../src/content/troubleshooting.js';
import { URGENT_IDS } from '../../src/content/urgent.js';

const messages = collectMessages().map((m) => m.text);
const all = messages.join('\n');
const text = (card: AdaptiveCard): string => cardToText(card).text;

describe('content corrections (issue 14), checked against the factsheet and facts.md', () => {
  it('feedback left here goes to the team that runs the assistant; only cpe.org.uk/itfeedback reaches the NHSmail team', () => {
    expect(all).not.toMatch(/people who run NHSmail/i);
    for (const m of messages.filter((t) => /NHSmail team/.test(t))) {
      expect(m === CONTACTS.feedback.description || m.includes(CONTACTS.feedback.label) || m.includes(CONTACTS.feedback.url), m).toBe(true);
    }
    expect(FEEDBACK.intro.text).toContain(CONTACTS.botFeedback.description);
    expect(FEEDBACK.intro.text).not.toContain('NHSmail team');
  });

  it('FIDO2: no "not from a shop", no "no phone needed", a core method first, and the path through My Profile', () => {
    expect(all).not.toMatch(/shop/i);
    expect(all).not.toMatch(/no phone needed/i);
    expect(METHODS.fido2.core).toBe(false);
    expect(METHODS.fido2.cons.join(' ')).toMatch(/set up the app, a text or a call first/);
    for (const m of messages.filter((t) => t.includes('Manage FIDO2 Tokens'))) expect(m).toMatch(/Profile(,| >) My Profile(,| >) Self-Service/);
  });

  it('long-term exceptions are asked for through the site\'s route', () => {
    for (const m of messages.filter((t) => /180 days/.test(t) && /exception/.test(t) && !/last up to 180/.test(t))) expect(m).toMatch(/site's route/);
  });

  it('enrolment step 4 says only what the factsheet says (no "confirm", no "MFA is enabled")', () => {
    const step4 = ENROLMENT_STEPS[3];
    expect(step4?.detail).toBe('Select the \'Self-enroll for MFA\' button.');
    expect(all).not.toMatch(/tells you (that )?MFA (has been|is) enabled/i);
  });

  it('no source links to the bare support.nhs.net home page, and the factsheet is not given cpe.org.uk/mfa as its address', () => {
    for (const s of Object.values(SOURCES)) expect(s.url).not.toMatch(/^https:\/\/support\.nhs\.net\/?$/);
    expect(SOURCES['cpe-factsheet'].url).toBe('');
    expect(CONTACTS.readMore.map((r) => SOURCES[r.source].url)).toEqual(CONTACTS.readMore.map((r) => r.url));
  });

  it('"never share your codes" is general advice, not a claim about NHSmail staff', () => {
    expect(all).not.toMatch(/NHSmail staff never ask/i);
  });

  it('the snoozable prompt has one wording', () => {
    const snooze = messages.filter((t) => /snooz/i.test(t));
    expect(snooze.length).toBeGreaterThan(0);
    for (const m of snooze) expect(m).toContain('For two weeks');
    for (const m of snooze) expect(m).toContain('They could snooze it.');
  });

  it('the chooser never suggests the app to someone who will not install it, and promises only the questions it asks', () => {
    const values = [undefined, true, false] as const;
    let most = 0;
    for (const signal of values) {
      const answers: ChooserAnswers = { smartphone: true, installApp: false, ...(signal === undefined ? {} : { signal }) };
      expect(recommend(answers).method, JSON.stringify(answers)).not.toBe('app');
      expect(recommend(answers).alsoConsider, JSON.stringify(answers)).not.toContain('app');
    }
    for (const smartphone of [true, false]) for (const installApp of [true, false]) for (const signal of [true, false]) {
      let asked = 0;
      let so: ChooserAnswers = {};
      for (let q = nextChooserQuestion(so); q !== undefined; q = nextChooserQuestion(so)) {
        asked += 1;
        so = { ...so, [q]: ({ smartphone, installApp, signal } as const)[q] };
      }
      most = Math.max(most, asked);
    }
    expect(most).toBe(CHOOSER_QUESTION_IDS.length);
    expect(METHODS_INTRO.text).toContain('two or three');
    expect(METHODS_INTRO.text).not.toMatch(/ask you three/);
  });

  it('links and names of places come from contacts.ts', () => {
    const known = [CONTACTS.portal, CONTACTS.securityInfo, CONTACTS.feedback, ...CONTACTS.readMore].flatMap((p) => [p.url, p.label]);
    for (const m of messages) {
      for (const [found] of m.matchAll(/\b(?:https?:\/\/)?(?:[\w-]+\.)+(?:net|com|uk)(?:\/[\w/-]*)?/g)) {
        if (found === CONTACTS.helpdesk.email.split('@')[1] || found === 'nhs.net' || m.includes(`@${found}`)) continue;
        expect(known, `${found} in "${m}"`).toContain(found.replace(/\/$/, ''));
      }
    }
  });
});

describe('honest confirmations (issue 14, item 7)', () => {
  it('says "on its way" only when a webhook is configured, and says whom to quote the reference to', () => {
    const sent = text(feedbackThanksCard('FB-7K3Q', { webhookConfigured: true }));
    const kept = text(feedbackThanksCard('FB-7K3Q', { webhookConfigured: false }));
    const unknown = text(feedbackThanksCard('FB-7K3Q'));
    expect(sent).toContain('on its way');
    expect(kept).not.toContain('on its way');
    expect(unknown).not.toContain('on its way');
    for (const t of [sent, kept]) {
      expect(t).toContain('FB-7K3Q');
      expect(t).toContain('the team that runs this assistant');
      expect(t).toContain(FEEDBACK.referenceHint);
    }
  });
});

describe('answer first and urgent first (issue 14, items 1 and 2)', () => {
  it('every answer card opens with its first paragraph; the rest wait under "More"', () => {
    for (const [intent, answer] of Object.entries(INTENT_ANSWERS)) {
      const card = answerCard(intent as keyof typeof INTENT_ANSWERS);
      expect(card.body[1], intent).toMatchObject({ type: 'TextBlock', text: answer.paragraphs[0] });
      const shown = JSON.stringify(card.body.filter((e) => e.type !== 'ActionSet'));
      for (const later of answer.paragraphs.slice(1)) expect(shown, intent).not.toContain(JSON.stringify(later).slice(1, -1));
      expect(JSON.stringify(card.body)).toContain('Source: ');
    }
  });

  it('a lost or stolen phone: the helpdesk number and the 24-hour exception in the first reply', () => {
    for (const first of [INTENT_ANSWERS['trouble.new_phone'].paragraphs[0], text(troubleStepCard('f', 'new_phone', 1)), text(urgentCard('lost_phone'))]) {
      expect(first).toContain(CONTACTS.helpdesk.phone);
      expect(first).toContain('24-hour exception');
    }
  });

  it('already abroad and locked out: what to do now first, then next time', () => {
    expect(INTENT_ANSWERS['travel.abroad'].paragraphs[0]).toContain(CONTACTS.helpdesk.phone);
    expect(PROBLEMS.abroad.steps[0]?.title).toMatch(/already abroad/i);
    const card = text(urgentCard('abroad_locked_out'));
    expect(card.indexOf(CONTACTS.helpdesk.phone)).toBeLessThan(card.indexOf('before you travel'));
  });

  it('locked out: the way back in first', () => {
    expect(INTENT_ANSWERS['trouble.locked_out'].paragraphs[0]).toMatch(/reset your password yourself/);
    expect(INTENT_ANSWERS['trouble.locked_out'].paragraphs[0]).toContain(CONTACTS.helpdesk.phone);
    for (const id of URGENT_IDS) expect(urgentCard(id).body[1]?.type, id).toBe('Container');
  });
});

describe('help for the step you are on (issue 14, item 3)', () => {
  it('every enrolment step has its own problems, offered before the general list', () => {
    for (const [i, step] of ENROLMENT_STEPS.entries()) {
      expect(step.stuck.length, step.title).toBeGreaterThan(0);
      const t = text(pickProblemCard('f', i + 1));
      for (const h of step.stuck) {
        expect(t).toContain(h.text);
        expect(t.indexOf(h.text)).toBeLessThan(t.indexOf(PROBLEMS.new_phone.label));
      }
    }
  });

  it('where the sources are silent it says so and names who helps', () => {
    for (const h of ENROLMENT_STEPS.flatMap((s) => s.stuck).filter((h) => h.sourcesSilent === true)) {
      expect(h.text).toMatch(/Local Administrator|Helpdesk/);
    }
  });

  it('"I can\'t find Self-Service" on step 3 answers where Self-Service is, not password reset', () => {
    const help = ENROLMENT_STEPS[2]?.stuck.find((h) => /Self-Service/.test(h.title));
    expect(help?.text).toMatch(/My Profile/);
    expect(help?.text).not.toMatch(/password/i);
  });
});

describe('the tab leaves out what only works in the chat (issue 14, item 5)', () => {
  it('no "Did it work?" without its buttons, no "Back to menu", no question buttons', () => {
    expect(text(forTab(nextSignInCard('tab')))).not.toContain('Did it work?');
    const answer = forTab(answerCard('trouble.new_phone'));
    const titles = buttonsOf(answer).map((b) => b.title);
    expect(titles).not.toContain('Back to menu');
    expect(titles).toContain('Fix it step by step');
    expect(titles).not.toContain(INTENT_ANSWERS['methods.change'].title);
  });
});
