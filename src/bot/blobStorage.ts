import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { BlobStorageConfig } from '../config.js';

/**
 * Bot state in Azure Blob Storage (one JSON blob per conversation and per user). Writes carry the
 * ETag read at the start of the turn, so two instances saving the same conversation cannot
 * silently overwrite each other: the second save fails with HTTP 412 and that turn is answered
 * with a kind "please try again" (see turnError.ts).
 *
 * The Azure SDK's own retries are kept short, inside STORAGE_TIMEOUT_MS (GuardedStorage), so a
 * storage outage gives the user an answer quickly instead of a long silence.
 */
export function createBlobStorage(config: BlobStorageConfig, timeoutMs: number): BlobsStorage {
  return new BlobsStorage(config.connectionString, config.container, {
    storagePipelineOptions: {
      retryOptions: {
        maxTries: 3,
        tryTimeoutInMs: Math.max(100, Math.floor(timeoutMs / 2)),
        retryDelayInMs: 50,
        maxRetryDelayInMs: Math.max(100, Math.floor(timeoutMs / 4)),
      },
    },
  });
}
