import { describe, expect, it } from 'vitest';
import { tabContentSecurityPolicy, tabSecurityHeaders } from '../src/bot/tabSecurity.js';

function directive(csp: string, name: string): string[] {
  const found = csp.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  return found ? found.slice(1) : [];
}

describe('tab security headers', () => {
  it('let Teams, Microsoft 365 and Outlook frame the tab, and no one else', () => {
    const ancestors = directive(tabContentSecurityPolicy(), 'frame-ancestors');
    for (const host of [
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://teams.cloud.microsoft',
      'https://*.cloud.microsoft',
      'https://*.office.com',
      'https://outlook.office.com',
      'https://*.skype.com',
    ]) {
      expect(ancestors).toContain(host);
    }
    expect(ancestors).not.toContain('*');
    expect(ancestors).not.toContain('https:');
    expect(Object.keys(tabSecurityHeaders()).map((h) => h.toLowerCase())).not.toContain('x-frame-options');
  });

  it('allow scripts only from the tab itself: no inline script, no eval', () => {
    const csp = tabContentSecurityPolicy();
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(directive(csp, 'default-src')).toEqual(["'self'"]);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe');
  });

  it('send nosniff and a referrer policy, and take extra frame ancestors from config', () => {
    const headers = tabSecurityHeaders({ extraFrameAncestors: ['https://intranet.example.org'] });
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(directive(headers['Content-Security-Policy'] ?? '', 'frame-ancestors')).toContain('https://intranet.example.org');
  });
});
