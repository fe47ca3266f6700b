import { CHOOSER_QUESTIONS, METHODS, METHODS_INTRO, METHOD_IDS, type ChooserQuestionId, type Method, type Recommendation } from '../content/methods.js';
import { WORDS } from '../content/ui.js';
import { flowData, menuData, openData } from './actions.js';
import { bullets, card, heading, paragraph, sourceLine, subheading, submit, subtle } from './elements.js';
import type { AdaptiveCard, Container } from './schema.js';

/** One method as a box; the boxes stack one under another, so a phone never squeezes them into columns. */
function methodBox(m: Method): Container {
  return {
    type: 'Container',
    style: m.recommended ? 'good' : 'emphasis',
    spacing: 'Medium',
    items: [
      paragraph(m.name, { weight: 'Bolder' }),
      ...(m.recommended ? [paragraph('Recommended', { color: 'Good', size: 'Small', weight: 'Bolder' })] : []),
      ...(m.core ? [] : [paragraph('Not a core method, only an extra: set up the app, a text or a call first', { color: 'Warning', size: 'Small' })]),
      paragraph(`You need: ${m.youNeed}`, { size: 'Small' }),
      paragraph('Good', { weight: 'Bolder', size: 'Small', spacing: 'Small' }),
      bullets(m.pros),
      paragraph('Watch out', { weight: 'Bolder', size: 'Small', spacing: 'Small' }),
      bullets(m.cons),
    ],
  };
}


export function methodsIntroCard(flow: string): AdaptiveCard {
  const at = 'intro';
  return card(
    [
      heading(METHODS_INTRO.title),
      paragraph(METHODS_INTRO.text),
      sourceLine([METHODS_INTRO.source]),
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
  return card(
    [
      heading('The four methods compared'),
      ...METHOD_IDS.map((id) => methodBox(METHODS[id])),
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
