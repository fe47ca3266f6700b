/**
 * The logging the feedback machinery needs; a pino Logger fits it. Fields are ids, counts,
 * statuses and reasons: never message text, contact details, the webhook URL or the secret.
 */
export interface FeedbackLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLogger: FeedbackLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
