import { describe, expect, it } from 'vitest';
import { ChromiumMissingError, findChromium } from './support/chromium.js';

describe('the Chromium the browser tests use', () => {
  it('a missing Chromium is an error saying how to install it, so browser tests fail rather than skip', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(ChromiumMissingError);
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow('apt-get install -y chromium');
  });
});
