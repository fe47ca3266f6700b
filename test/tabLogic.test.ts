import { describe, expect, it } from 'vitest';
import { parseAnswer, parseGuide } from '../web/tab/api.js';
import { tabActionFor } from '../web/tab/botActions.js';
import { markdownToHtml } from '../web/tab/markdown.js';
import { PALETTES, THEMES, themeFromQuery, themeFromTeams } from '../web/tab/theme.js';

describe('card markdown', () => {
  it('renders bold, italic, links and lists', () => {
    expect(markdownToHtml('Choose **Profile**, then _My Profile_.')).toBe('<p>Choose <strong>Profile</strong>, then <em>My Profile</em>.</p>');
    expect(markdownToHtml('Open [the portal](https://portal.nhs.net).')).toBe(
      '<p>Open <a href="https://portal.nhs.net" rel="noopener noreferrer">the portal</a>.</p>',
    );
    expect(markdownToHtml('Pick one:\n- the app\n- a text\n\n1. first\n2. second')).toBe(
      '<p>Pick one:</p><ul><li>the app</li><li>a text</li></ul><ol><li>first</li><li>second</li></ol>',
    );
  });

  it('never lets card text become markup, and drops unsafe links', () => {
    const html = markdownToHtml('<img src=x onerror=alert(1)> [click](javascript:alert(1)) "quoted"');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;quoted&quot;');
    expect(markdownToHtml('[x](https://a.example/?q="><script>)')).toBe(
      '<p><a href="https://a.example/?q=&quot;&gt;&lt;script&gt;" rel="noopener noreferrer">x</a></p>',
    );
  });

  it('leaves underscores inside words alone', () => {
    expect(markdownToHtml('pharmacy.ODScode_nhs_net')).toBe('<p>pharmacy.ODScode_nhs_net</p>');
  });
});

describe('bot buttons in the tab', () => {
  const sections = ['enrol', 'methods', 'trouble'];
  it('jumps to a section the button names', () => {
    expect(tabActionFor({ conversation: 'methods' }, sections)).toEqual({ kind: 'section', id: 'methods' });
  });
  it('asks what an imBack or messageBack button would have said', () => {
    expect(tabActionFor({ msteams: { type: 'imBack', value: 'why MFA' } }, sections)).toEqual({ kind: 'ask', text: 'why MFA' });
    expect(tabActionFor({ msteams: { type: 'messageBack', text: 'set up MFA', displayText: 'Set up' } }, sections)).toEqual({
      kind: 'ask',
      text: 'set up MFA',
    });
  });
  it('says the rest work in the chat, and never sends form input anywhere', () => {
    expect(tabActionFor({ conversation: 'practice' }, sections)).toEqual({ kind: 'chat-only' });
    expect(tabActionFor({ action: 'feedback', text: 'typed by the user' }, sections)).toEqual({ kind: 'chat-only' });
    expect(tabActionFor(undefined, sections)).toEqual({ kind: 'chat-only' });
  });
});

describe('guide endpoint responses', () => {
  const cardJson = { type: 'AdaptiveCard', version: '1.5', body: [] };
  it('keeps well-formed sections and cards, drops the rest', () => {
    const guide = parseGuide({
      sections: [
        { id: 'enrol', title: 'Set up', cards: [cardJson, { type: 'Message' }] },
        { id: '"><script>', title: 'Bad id', cards: [] },
        { title: 'No id', cards: [] },
      ],
    });
    expect(guide).toEqual({ sections: [{ id: 'enrol', title: 'Set up', cards: [cardJson] }] });
    expect(parseGuide({ nope: true })).toBeUndefined();
  });
  it('accepts an answer only when it is an Adaptive Card', () => {
    expect(parseAnswer({ answer: cardJson })).toEqual(cardJson);
    expect(parseAnswer({ answer: 'text' })).toBeUndefined();
  });
});

describe('themes', () => {
  it('takes ?theme= for testing and falls back to default for unknown Teams themes', () => {
    expect(themeFromQuery('?theme=dark')).toBe('dark');
    expect(themeFromQuery('?theme=purple')).toBeUndefined();
    expect(themeFromTeams('contrast')).toBe('contrast');
    expect(themeFromTeams(undefined)).toBe('default');
  });

  function luminance(hex: string): number {
    const channel = (i: number): number => {
      const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  }
  function contrast(a: string, b: string): number {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  }

  it('gives every card text colour at least 4.5:1 contrast on both card backgrounds', () => {
    for (const theme of THEMES) {
      const p = PALETTES[theme];
      for (const colour of [p.text, p.subtle, p.accent, p.good, p.warning, p.attention]) {
        for (const background of [p.background, p.emphasis]) {
          expect(contrast(colour, background), `${theme}: ${colour} on ${background}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });
});
