export { scrubText, describeRemoved, listRemoved, PLACEHOLDERS, REMOVED_KINDS } from './scrub.js';
export type { RemovedKind, ScrubOptions, ScrubResult } from './scrub.js';
export { detectSharedSecret } from './secretGuard.js';
export type { SharedSecret } from './secretGuard.js';
export { isValidNhsNumber } from './nhsNumber.js';
