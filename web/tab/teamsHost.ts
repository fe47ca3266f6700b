/**
 * The tab's link to Teams. app.initialize() only settles inside a Teams (or Microsoft 365) host;
 * in an ordinary browser it fails at once or waits for a minute, so it is raced with a short
 * timeout and the page never waits on it: the guide works as a plain web page.
 */
import { app } from '@microsoft/teams-js';
import { themeFromTeams, type TabTheme } from './theme.js';

export interface TeamsHost {
  readonly theme: TabTheme;
  onThemeChange(handler: (theme: TabTheme) => void): void;
  /** Tells Teams the tab has loaded (hides Teams' loading indicator where it shows one). */
  notifySuccess(): void;
}

export async function connectToTeams(timeoutMs: number): Promise<TeamsHost | undefined> {
  const connecting = app.initialize().then(() => app.getContext());
  // Outside Teams the initialisation may reject long after the race is over: keep that quiet.
  connecting.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    const context = await Promise.race([connecting, timeout]);
    if (!context) return undefined;
    return {
      theme: themeFromTeams(context.app.theme),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(themeFromTeams(theme))),
      notifySuccess: () => {
        app.notifySuccess().catch(() => undefined);
      },
    };
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
