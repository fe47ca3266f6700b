import { CHOOSER_QUESTIONS, METHODS, METHOD_IDS, type ChooserQuestionId, type Method, type Recommendation } from '../content/methods.js';
import { WORDS } from '../content/ui.js';
import { flowData, menuData, openData } from './actions.js';
import { bullets, card, heading, paragraph, sourceLine, subheading, submit, subtle } from './elements.js';
import type { AdaptiveCard, Column, ColumnSet } from './schema.js';

function methodColumn(m: Method): Column {
  return {
    type: 'Column',
    width: 'stretch',
    style: m.recommended ? 'good' : 'emphasis',
    items: [
      paragraph(m.name, { weight: 'Bolder' }),
      ...(m.recommended ? [paragraph('Recommended', { color: 'Good', size: 'Small', weight: 'Bolder' })] : []),
      ...(m.core ? [] : [paragraph('Not a core method: set up the app, a text or a call first', { color: 'Warning', size: 'Small' })]),
      paragraph(`You need: ${m.youNeed}`, { size: 'Small' }),
      paragraph('Good', { weight: 'Bolder', size: 'Small', spacing: 'Small' }),
      bullets(m.pros),
      paragraph('Watch out', { weight: 'Bolder', size: 'Small', spacing: 'Small' }),
      bullets(m.cons),
    ],
  };
}

function row(a: Method, b: Method): ColumnSet {
  return { type: 'ColumnSet', columns: [methodColumn(a), methodColumn(b)], spacing: 'Medium' };
}

export function methodsIntroCard(flow: string): AdaptiveCard {
  const at = 'intro';
  return card(
    [
      heading('Choosing an MFA method'),
      paragraph('You can receive MFA by the Microsoft Authenticator app (recommended), a text message, a phone call, or a FIDO2 token. I can compare them, or ask you three quick questions and suggest one.'),
      sourceLine(['cpe-factsheet']),
    ],
    [
      submit(WORDS.guideMe, flowData(flow, at, 'guide'), 'positive'),
      submit(WORDS.compare, flowData(flow, at, 'compare')),
      submit(WORDS.cancel, flowData(flow, at, 'cancel')),
    ],
    'Choosing an MFA method: the Authenticator app (recommended), text message, phone call or FIDO2 token.',
  );
}

export function compareCard(flow: string): AdaptiveCard {
  const at = 'compare';
  const [app, sms, call, fido2] = METHOD_IDS.map((id) => METHODS[id]);
  if (app === undefined || sms === undefined || call === undefined || fido2 === undefined) throw new Error('methods missing');
  return card(
    [
      heading('The four methods side by side'),
      row(app, sms),
      row(call, fido2),
      sourceLine(METHOD_IDS.flatMap((id) => [METHODS[id].source, ...METHODS[id].extraSources])),
    ],
    [
      submit(WORDS.guideMe, flowData(flow, at, 'guide'), 'positive'),
      submit('Set up MFA', openData('enrol')),
      submit(WORDS.backToMenu, menuData()),
    ],
    METHOD_IDS.map((id) => `${METHODS[id].name}: you need ${METHODS[id].youNeed}`).join(' '),
  );
}

export function questionCard(flow: string, question: ChooserQuestionId, number: number): AdaptiveCard {
  const at = `q-${question}`;
  const q = CHOOSER_QUESTIONS[question];
  return card(
    [subtle(`Question ${number}`), heading(q.text)],
    [
      submit(WORDS.yes, flowData(flow, at, 'yes'), 'positive'),
      submit(WORDS.no, flowData(flow, at, 'no')),
      submit(WORDS.cancel, flowData(flow, at, 'cancel')),
    ],
    q.text,
  );
}

export function recommendationCard(flow: string, rec: Recommendation): AdaptiveCard {
  const at = 'result';
  const method = rec.method === 'local-admin' ? undefined : METHODS[rec.method];
  const also = rec.alsoConsider.map((id) => METHODS[id].name);
  return card(
    [
      subtle('My suggestion'),
      heading(rec.title),
      paragraph(rec.reason),
      ...(method === undefined ? [] : [subheading('How to set it up'), paragraph(method.howToSetUp)]),
      ...(also.length === 0 ? [] : [subtle(`Also worth a look: ${also.join(', ')}.`)]),
      sourceLine([rec.source, ...(method === undefined ? [] : [method.source])]),
    ],
    [
      submit('Set up MFA now', flowData(flow, at, 'enrol'), 'positive'),
      submit(WORDS.compare, flowData(flow, at, 'compare')),
      submit('Ask me again', flowData(flow, at, 'restart')),
      submit(WORDS.backToMenu, menuData()),
    ],
    `${rec.title}. ${rec.reason}`,
  );
}
