/**
 * The tab's three looks, matching Teams' themes: default (light), dark and contrast (high contrast).
 * The page's colours live in styles.css under [data-theme]; the same palette goes into each
 * Adaptive Card host config so cards sit naturally on the page. Every text colour here meets
 * WCAG AA (4.5:1) on the backgrounds it is used on.
 */
export const THEMES = ['default', 'dark', 'contrast'] as const;
export type TabTheme = (typeof THEMES)[number];

export function isTabTheme(value: unknown): value is TabTheme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** Teams reports themes as 'default', 'dark' or 'contrast'; anything else falls back to default. */
export function themeFromTeams(value: string | undefined): TabTheme {
  return isTabTheme(value) ? value : 'default';
}

/** `?theme=dark` (or default/contrast) overrides the theme, for testing outside Teams. */
export function themeFromQuery(search: string): TabTheme | undefined {
  const value = new URLSearchParams(search).get('theme');
  return isTabTheme(value) ? value : undefined;
}

export interface Palette {
  readonly background: string;
  readonly emphasis: string;
  readonly text: string;
  readonly subtle: string;
  readonly accent: string;
  readonly good: string;
  readonly warning: string;
  readonly attention: string;
}

export const PALETTES: Readonly<Record<TabTheme, Palette>> = {
  default: {
    background: '#FFFFFF',
    emphasis: '#F0F4F5',
    text: '#212B32',
    subtle: '#4C6272',
    accent: '#005EB8',
    good: '#007F3B',
    warning: '#8A5300',
    attention: '#C0132F',
  },
  dark: {
    background: '#292929',
    emphasis: '#1F1F1F',
    text: '#FFFFFF',
    subtle: '#D6D6D6',
    accent: '#8CC8FF',
    good: '#92D36E',
    warning: '#FFD66B',
    attention: '#FF9AA8',
  },
  contrast: {
    background: '#000000',
    emphasis: '#000000',
    text: '#FFFFFF',
    subtle: '#FFFFFF',
    accent: '#FFFF01',
    good: '#3FF23F',
    warning: '#FFFF01',
    attention: '#FF9AA8',
  },
};

function colours(p: Palette): Record<string, { default: string; subtle: string }> {
  return {
    default: { default: p.text, subtle: p.subtle },
    dark: { default: p.text, subtle: p.subtle },
    light: { default: p.text, subtle: p.subtle },
    accent: { default: p.accent, subtle: p.accent },
    good: { default: p.good, subtle: p.good },
    warning: { default: p.warning, subtle: p.warning },
    attention: { default: p.attention, subtle: p.attention },
  };
}

/** The Adaptive Cards host config (JSON, for `new HostConfig(...)`) for a theme. */
export function hostConfigFor(theme: TabTheme): Record<string, unknown> {
  const p = PALETTES[theme];
  const foregroundColors = colours(p);
  return {
    fontFamily: '"Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 16 },
    separator: { lineThickness: 1, lineColor: p.subtle },
    fontSizes: { small: 13, default: 15, medium: 17, large: 21, extraLarge: 26 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: { backgroundColor: p.background, foregroundColors },
      emphasis: { backgroundColor: p.emphasis, foregroundColors },
      accent: { backgroundColor: p.emphasis, foregroundColors },
      good: { backgroundColor: p.emphasis, foregroundColors },
      attention: { backgroundColor: p.emphasis, foregroundColors },
      warning: { backgroundColor: p.emphasis, foregroundColors },
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 12 },
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
      // long button titles wrap instead of being cut off with an ellipsis on a phone
      allowTitleToWrap: true,
    },
    adaptiveCard: { allowCustomStyle: true },
    // cards sit under the page's h2 section titles
    textBlock: { headingLevel: 3 },
    imageSizes: { small: 40, medium: 80, large: 160 },
    factSet: {
      title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 200 },
      value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
      spacing: 8,
    },
  };
}
