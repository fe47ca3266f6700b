import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';
const PORTAL = 'DefaultEndpointsProtocol=https;AccountName=mfabot;AccountKey=a2V5;EndpointSuffix=core.windows.net';

describe('configuration for scale-out, limits and time budgets', () => {
  it('defaults: memory storage, no blob settings, limits on', () => {
    const c = loadConfig({});
    expect(c.blob).toBeUndefined();
    expect(c.resilience).toEqual({ turnTimeoutMs: 8000, storageTimeoutMs: 3000, ratePerIpPerMinute: 3000, ratePerConversationPerMinute: 30, ratePerIpTabPerMinute: 120, trustProxy: false, trustProxyHops: 1 });
  });

  it('STORAGE=azure reads the connection string, the state container and the feedback table and queue', () => {
    const c = loadConfig({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: AZURITE });
    expect(c.storage).toBe('blob');
    expect(c.blob).toEqual({ connectionString: AZURITE, container: 'mfa-bot-state', feedbackTable: 'mfafeedback', feedbackQueue: 'mfa-feedback', reminderTable: 'mfareminders' });
    expect(loadConfig({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: PORTAL }).blob?.connectionString).toBe(PORTAL);
    // STORAGE=blob, the old name, still works.
    const other = loadConfig({ STORAGE: 'Blob', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', AZURE_STORAGE_CONTAINER: 'state-2', AZURE_FEEDBACK_TABLE: 'Feedback2', AZURE_FEEDBACK_QUEUE: 'fb-2' });
    expect(other.storage).toBe('blob');
    expect(other.blob).toMatchObject({ container: 'state-2', feedbackTable: 'Feedback2', feedbackQueue: 'fb-2' });
  });

  it('limits and budgets from the environment; 0 turns a rate limit off', () => {
    const c = loadConfig({ TURN_TIMEOUT_MS: '2000', STORAGE_TIMEOUT_MS: '500', RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_CONVERSATION: '5', TRUST_PROXY: 'true' });
    expect(c.resilience).toEqual({ turnTimeoutMs: 2000, storageTimeoutMs: 500, ratePerIpPerMinute: 0, ratePerConversationPerMinute: 5, ratePerIpTabPerMinute: 120, trustProxy: true, trustProxyHops: 1 });
  });

  it.each([
    [{ STORAGE: 'blob' }, 'AZURE_STORAGE_CONNECTION_STRING is required when STORAGE is azure'],
    [{ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: 'BlobEndpoint=http://127.0.0.1:10000/x;SharedAccessSignature=sv=1' }, 'needs TableEndpoint and QueueEndpoint, or EndpointSuffix'],
    [{ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5' }, 'needs TableEndpoint and QueueEndpoint, or EndpointSuffix'],
    [{ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'hunter2-secret' }, 'AZURE_STORAGE_CONNECTION_STRING is not an Azure Storage connection string'],
    [{ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: AZURITE, AZURE_STORAGE_CONTAINER: 'Bot_State' }, 'AZURE_STORAGE_CONTAINER must be 3-63 lowercase letters'],
    [{ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: AZURITE, AZURE_STORAGE_CONTAINER: 'a--b' }, 'AZURE_STORAGE_CONTAINER must be 3-63'],
    [{ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: AZURITE, AZURE_FEEDBACK_QUEUE: 'Feedback' }, 'AZURE_FEEDBACK_QUEUE must be 3-63 lowercase letters'],
    [{ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: AZURITE, AZURE_FEEDBACK_TABLE: 'mfa-feedback' }, 'AZURE_FEEDBACK_TABLE must be 3-63 letters and digits'],
    [{ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: AZURITE, AZURE_FEEDBACK_TABLE: '1feedback' }, 'AZURE_FEEDBACK_TABLE must be 3-63 letters and digits'],
    [{ TURN_TIMEOUT_MS: '20000' }, 'TURN_TIMEOUT_MS must be between 100 and 8000'],
    [{ STORAGE_TIMEOUT_MS: 'soon' }, 'STORAGE_TIMEOUT_MS must be a whole number'],
    [{ RATE_LIMIT_PER_IP: '-1' }, 'RATE_LIMIT_PER_IP must be a whole number'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be true or false'],
  ])('%o stops start-up with one line: %s', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error instanceof Error ? error.message : '').toContain(message);
    expect(error instanceof Error ? error.message : '\n').not.toContain('\n');
    // A connection string is a secret: never echoed back.
    expect(error instanceof Error ? error.message : '').not.toContain('hunter2');
  });
});
