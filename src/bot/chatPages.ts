/**
 * What /chat answers besides the Web Chat bundle: the security headers, the page shown when the
 * bridge is off (how to use the Azure Bot Service Web Chat channel instead) and the page shown when
 * the bundle has not been built. Plain HTML, no script.
 */

/**
 * The Web Chat page: our bundle only (no inline script, no eval), Web Chat's inline <style>
 * elements and style attributes, data: and blob: images (the avatar and the practice QR code are
 * data: URIs; Web Chat turns some images into blob: URLs itself), and requests only back to this
 * server (the bridge's POST /api/messages).
 */
export const CHAT_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The plain pages: no script at all, only their own inline styles. */
export const PLAIN_PAGE_CSP = ["default-src 'none'", "style-src 'unsafe-inline'", 'img-src data:', "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');

/** Headers on everything under /chat. Pages add a Content-Security-Policy. */
export const CHAT_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Why the bridge is not offered. */
export type BridgeOffReason = 'credentials' | 'switched-off';

const STYLE = `
  body { font-family: Arial, Helvetica, sans-serif; color: #212b32; background: #f0f4f5; margin: 0; line-height: 1.5; }
  header { background: #005eb8; color: #fff; padding: 12px 16px; }
  h1 { margin: 0; font-size: 1.375rem; }
  main { max-width: 46rem; margin: 0 auto; padding: 8px 16px 24px; }
  code { background: #e8edee; padding: 0 4px; overflow-wrap: anywhere; }
  li { margin-bottom: 6px; }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${STYLE}
</style>
</head>
<body>
<header><h1>MFA Assistant</h1></header>
<main>
${body}
</main>
</body>
</html>
`;
}

const WHY_OFF: Readonly<Record<BridgeOffReason, string>> = {
  credentials:
    'This bot is running with its Microsoft App ID, so it only accepts messages that carry a Bot Framework token. ' +
    'The test chat on this page talks to the bot without a token, so it is not offered here.',
  'switched-off': 'The test chat on this page is switched off (<code>DEV_CHAT=false</code>).',
};

/** /chat when the bridge is off: how to put the bot in a web page properly. */
export function channelInfoPage(reason: BridgeOffReason): string {
  return page(
    'MFA Assistant: chat in a web page',
    `<h2>Chat with the bot in a web page</h2>
<p>${WHY_OFF[reason]}</p>
<p>To let people chat with the bot on a web page, use the Azure Bot Service <strong>Web Chat channel</strong>:</p>
<ol>
<li>In the Azure portal, open the bot resource, choose <strong>Channels</strong>, then <strong>Web Chat</strong>, and copy a secret key of the site.</li>
<li>Keep the secret on your own web server (in its settings or a key vault). Never put it in a web page: it is a master key to every conversation with the bot.</li>
<li>When someone opens your page, your server exchanges the secret for a Direct Line token
(<code>POST https://directline.botframework.com/v3/directline/tokens/generate</code> with the header
<code>Authorization: Bearer</code> and the secret). A token is good for one conversation and expires.</li>
<li>Give the page only that token: Web Chat connects with <code>createDirectLine({ token })</code>.</li>
</ol>
<p>To try the bot on your own computer instead, run it without <code>MicrosoftAppId</code> (<code>npm start</code>)
and open <code>http://localhost:3978/chat</code>.</p>`,
  );
}

/** /chat when the bridge is on but `npm run build:chat` has not been run. */
export function notBuiltPage(): string {
  return page(
    'MFA Assistant: chat page not built',
    `<h2>The chat page has not been built yet</h2>
<p>Run <code>npm run build:chat</code> (or <code>npm start</code>, which builds it for you), then reload this page.</p>`,
  );
}
