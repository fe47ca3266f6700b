/**
 * The MFA guide tab: the guide's sections as Adaptive Cards, a question box, and the Teams theme.
 * Works inside Teams and as a plain web page; nothing waits for Teams.
 */
import { fetchAnswer, fetchGuide, type CardJson, type Guide } from './api.js';
import { tabActionFor } from './botActions.js';
import { makeHostConfig, renderCard } from './cards.js';
import { connectToTeams } from './teamsHost.js';
import { hostConfigFor, themeFromQuery, type TabTheme } from './theme.js';

const TEAMS_TIMEOUT_MS = 3000;

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`page is missing #${id}`);
  return element;
}

const guideRoot = byId('guide', HTMLDivElement);
const guideStatus = byId('guide-status', HTMLParagraphElement);
const nav = byId('section-nav', HTMLUListElement);
const askForm = byId('ask-form', HTMLFormElement);
const askInput = byId('ask-input', HTMLInputElement);
const askStatus = byId('ask-status', HTMLParagraphElement);
const askAnswer = byId('ask-answer', HTMLDivElement);

const queryTheme = themeFromQuery(window.location.search);
let theme: TabTheme = queryTheme ?? 'default';
let guide: Guide | undefined;
let answer: CardJson | undefined;

function sectionIds(): string[] {
  return guide?.sections.map((section) => section.id) ?? [];
}

function onBotAction(data: unknown, card: HTMLElement): void {
  const action = tabActionFor(data, sectionIds());
  if (action.kind === 'section') {
    const target = document.getElementById(`section-${action.id}`);
    target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    target?.querySelector('h2')?.focus();
  } else if (action.kind === 'ask') {
    askInput.value = action.text;
    void ask(action.text);
  } else {
    const note = card.closest('.card')?.querySelector('.card-note');
    if (note) note.textContent = 'This button works in the chat with MFA Assistant.';
  }
}

function cardElement(json: CardJson): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'card';
  const rendered = renderCard(json, makeHostConfig(hostConfigFor(theme)), { onBotAction });
  if (rendered) wrapper.append(rendered);
  else wrapper.textContent = 'This card could not be shown.';
  const note = document.createElement('p');
  note.className = 'card-note status';
  note.setAttribute('role', 'status');
  wrapper.append(note);
  return wrapper;
}

function renderGuide(): void {
  if (!guide) return;
  const fragments: HTMLElement[] = [];
  const links: HTMLLIElement[] = [];
  for (const section of guide.sections) {
    const element = document.createElement('section');
    element.id = `section-${section.id}`;
    element.className = 'guide-section';
    element.setAttribute('aria-labelledby', `title-${section.id}`);
    const heading = document.createElement('h2');
    heading.id = `title-${section.id}`;
    heading.tabIndex = -1;
    heading.textContent = section.title;
    element.append(heading, ...section.cards.map(cardElement));
    fragments.push(element);

    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#section-${section.id}`;
    link.textContent = section.title;
    item.append(link);
    links.push(item);
  }
  guideRoot.replaceChildren(...fragments);
  nav.replaceChildren(...links);
  guideRoot.setAttribute('aria-busy', 'false');
}

function renderAnswer(): void {
  askAnswer.replaceChildren(...(answer ? [cardElement(answer)] : []));
}

function applyTheme(next: TabTheme): void {
  theme = next;
  document.documentElement.dataset.theme = next;
  renderGuide();
  renderAnswer();
}

async function ask(question: string): Promise<void> {
  askStatus.textContent = 'Looking for an answer…';
  try {
    answer = await fetchAnswer((input, init) => fetch(input, init), question);
    renderAnswer();
    askStatus.textContent = 'Here is what MFA Assistant found:';
  } catch {
    askStatus.textContent = 'Sorry, no answer could be fetched just now. Please try again, or ask in the chat.';
  }
}

askForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const question = askInput.value.trim();
  if (question) void ask(question);
});

async function loadGuide(): Promise<void> {
  guideRoot.setAttribute('aria-busy', 'true');
  try {
    guide = await fetchGuide((input, init) => fetch(input, init));
    renderGuide();
  } catch {
    guideStatus.textContent = 'Sorry, the guide could not be loaded. Please reload the tab, or ask MFA Assistant in the chat.';
    guideRoot.setAttribute('aria-busy', 'false');
  }
}

async function start(): Promise<void> {
  applyTheme(theme);
  const loaded = loadGuide();
  const teams = await connectToTeams(TEAMS_TIMEOUT_MS);
  if (teams) {
    if (!queryTheme) applyTheme(teams.theme);
    teams.onThemeChange((next) => {
      if (!queryTheme) applyTheme(next);
    });
  }
  await loaded;
  teams?.notifySuccess();
  document.documentElement.dataset.ready = teams ? 'teams' : 'browser';
}

void start();
