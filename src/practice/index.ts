/** The authenticator rehearsal: secrets, set-up card data and the code checker. No SDK inside. */
export { createPracticeEngine, type PracticeEngine, type PracticeEngineDeps } from './engine.js';
export {
  checkPracticeCode,
  normaliseTypedCode,
  ACCEPT_STEPS,
  DIAGNOSE_WINDOW_MS,
  type ClockDirection,
  type PracticeCheck,
  type PracticeResult,
} from './check.js';
export {
  isPracticeSession,
  practiceAllowance,
  startPracticeSession,
  PRACTICE_LIMITS,
  type PracticeAllowance,
  type PracticeSession,
} from './session.js';
export { buildPracticeSetup, formatSetupKey, practiceOtpauthUri, QR_OPTIONS, type PracticeSetup } from './setup.js';
export { newTotpSecret, totpCodeAt, timeStepAt, TOTP_PARAMS, SECRET_BYTES, type RandomBytes } from './totp.js';
