/**
 * HTTP security headers for the personal tab (/tab) and its files.
 *
 * The tab is shown in an iframe by Teams and other Microsoft 365 hosts, so it must NOT send
 * X-Frame-Options: DENY; instead the Content-Security-Policy's frame-ancestors lists the hosts
 * Microsoft documents for tabs ("Tab requirements"): Teams, Microsoft 365, Outlook, and the
 * *.cloud.microsoft domain they are moving to. Scripts come only from the tab's own files (no
 * inline script). Connections go to the server itself and to the CDN from which TeamsJS fetches
 * its list of valid host origins.
 */

/** Hosts allowed to frame the tab (Microsoft's tab requirements, plus *.skype.com for older clients). */
export const TEAMS_FRAME_ANCESTORS: readonly string[] = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
  'https://outlook.live.com',
  'https://*.skype.com',
];

/** TeamsJS fetches its list of valid host origins from here when the tab loads. */
export const TEAMSJS_ORIGINS_CDN = 'https://res.cdn.office.net';

export interface TabSecurityOptions {
  /** More hosts allowed to frame the tab (e.g. an organisation's own portal). */
  readonly extraFrameAncestors?: readonly string[];
  /** More image sources for cards (the default allows the server itself and data: URIs). */
  readonly extraImageSources?: readonly string[];
}

export function tabContentSecurityPolicy(options: TabSecurityOptions = {}): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:', ...(options.extraImageSources ?? [])],
    ['font-src', "'self'"],
    ['connect-src', "'self'", TEAMSJS_ORIGINS_CDN],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'self'", ...TEAMS_FRAME_ANCESTORS, ...(options.extraFrameAncestors ?? [])],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** Headers for every response under /tab (the HTML page and its script, style and image files). */
export function tabSecurityHeaders(options: TabSecurityOptions = {}): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': tabContentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Strict-Transport-Security': 'max-age=31536000',
  };
}
