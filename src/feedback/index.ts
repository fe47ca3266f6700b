export { parseFeedbackConfig, FeedbackConfigError, WEBHOOK_FORMATS } from './config.js';
export type { FeedbackConfig, WebhookFormat, WebhookTarget } from './config.js';
export { FeedbackService } from './service.js';
export type { FeedbackDraft, FeedbackSender, FeedbackServiceOptions, RateLimitCheck, SubmitOptions, SubmitResult } from './service.js';
export { checkFeedbackText } from './text.js';
export type { FeedbackTextCheck } from './text.js';
export {
  FEEDBACK_CATEGORIES,
  FEEDBACK_ROLES,
  FEEDBACK_TEXT_MAX,
  isFeedbackCategory,
  isFeedbackRating,
  isFeedbackRole,
} from './model.js';
export type { FeedbackCategory, FeedbackContact, FeedbackItem, FeedbackRating, FeedbackRole } from './model.js';
export { DEFAULT_RATE_LIMIT } from './store.js';
export type { FeedbackStore, Outbox, OutboxStatus, RateLimit } from './store.js';
export type { Digest } from './digest.js';
export { renderDigestText } from './digest.js';
export type { FeedbackLogger } from './logger.js';
export { parseDuration, formatDuration } from './time.js';
