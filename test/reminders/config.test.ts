import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const AZURITE = 'UseDevelopmentStorage=true';

describe('reminder configuration', () => {
  it('looks for due reminders every minute by default; REMINDER_TICK_MS changes it', () => {
    expect(loadConfig({}).reminders).toEqual({ tickMs: 60_000 });
    expect(loadConfig({ REMINDER_TICK_MS: '5000' }).reminders).toEqual({ tickMs: 5000 });
  });

  it.each(['0', '999', '3600001', 'soon', '-5'])('REMINDER_TICK_MS=%s stops start-up with one line naming it', (value) => {
    expect(() => loadConfig({ REMINDER_TICK_MS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ REMINDER_TICK_MS: value })).toThrow(/REMINDER_TICK_MS/);
  });

  it('with STORAGE=azure reminders get their own table, named by AZURE_REMINDER_TABLE', () => {
    expect(loadConfig({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: AZURITE }).blob?.reminderTable).toBe('mfareminders');
    expect(loadConfig({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: AZURITE, AZURE_REMINDER_TABLE: 'Reminders2' }).blob?.reminderTable).toBe('Reminders2');
    expect(() => loadConfig({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: AZURITE, AZURE_REMINDER_TABLE: 'no-hyphens' })).toThrow(/AZURE_REMINDER_TABLE/);
  });
});
