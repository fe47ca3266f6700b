import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';

describe('configuration', () => {
  it('runs with no environment at all: local mode on port 3978 with the embedded store', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3978);
    expect(c.localMode).toBe(true);
    expect(c.storage).toBe('sqlite');
    expect(c.feedback.dataDir).toMatch(/data$/);
    expect(c.credentials.appType).toBe('MultiTenant');
  });

  it('reads credentials', () => {
    const c = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'pw', MicrosoftAppType: 'singletenant', MicrosoftAppTenantId: APP_ID });
    expect(c.localMode).toBe(false);
    expect(c.credentials).toEqual({ appId: APP_ID, appPassword: 'pw', tenantId: APP_ID, appType: 'SingleTenant' });
  });

  it('DEV_CHAT: the test chat is on without credentials, off with them, and can be switched off', () => {
    expect(loadConfig({}).devChat).toBe(true);
    expect(loadConfig({ DEV_CHAT: 'true' }).devChat).toBe(true);
    expect(loadConfig({ DEV_CHAT: 'FALSE' }).devChat).toBe(false);
    expect(loadConfig({ DEV_CHAT: ' ' }).devChat).toBe(true);
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'pw' }).devChat).toBe(false);
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'pw', DEV_CHAT: 'false' }).devChat).toBe(false);
  });

  it.each([
    [{ DEV_CHAT: 'yes' }, 'DEV_CHAT must be true or false (got "yes")'],
    [{ DEV_CHAT: 'true', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'pw' }, 'DEV_CHAT cannot be true when MicrosoftAppId is set'],
    [{ DEV_CHAT: 'true', MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: APP_ID }, 'DEV_CHAT cannot be true when MicrosoftAppId is set'],
    [{ PORT: 'eighty' }, 'PORT must be a whole number'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535'],
    [{ MicrosoftAppId: 'not-a-guid', MicrosoftAppPassword: 'x' }, 'MicrosoftAppId must be a GUID'],
    [{ MicrosoftAppId: APP_ID }, 'MicrosoftAppPassword is required'],
    [{ MicrosoftAppPassword: 'x' }, 'MicrosoftAppId is empty but MicrosoftAppPassword is set'],
    [{ MicrosoftAppType: 'Everyone' }, 'MicrosoftAppType must be one of'],
    [{ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId is required'],
    [{ STORAGE: 'floppy' }, 'STORAGE must be one of'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
  ])('%o stops start-up with one line: %s', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (e) {
      expect(e instanceof Error && !e.message.includes('\n')).toBe(true);
    }
  });
});
