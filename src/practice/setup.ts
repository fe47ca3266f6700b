import QRCode from 'qrcode';
import { generateURI } from 'otplib';
import { PRACTICE_ACCOUNT } from '../content/practice.js';
import { TOTP_PARAMS } from './totp.js';

/**
 * What the user needs to add a practice secret to an authenticator app: the otpauth URI, a QR
 * code of it as a PNG data URI small enough for a Teams Adaptive Card, and the key for typing.
 * The result holds the secret: show it to the user, never log it.
 */
export interface PracticeSetup {
  readonly issuer: string;
  readonly account: string;
  /** `otpauth://totp/MFA%20Practice:Practice%20%E2%80%94%20not%20NHSmail?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30` */
  readonly otpauthUri: string;
  /** `data:image/png;base64,…` — a few KB. */
  readonly qrDataUri: string;
  /** Width (= height) of the QR PNG in pixels, quiet zone included; show it at this size or larger. */
  readonly qrSizePx: number;
  /** The secret in groups of 4 for typing, e.g. "ABCD EFGH …". */
  readonly setupKey: string;
}

/**
 * Error correction M (15%) survives glare and a slightly blurry camera; 4 px per module with the
 * standard 4-module quiet zone gives a ~250 px image that phones scan from a screen, at ~5 KB.
 */
export const QR_OPTIONS = {
  errorCorrectionLevel: 'M',
  scale: 4,
  margin: 4,
} as const;

export function practiceOtpauthUri(secret: string): string {
  // otplib encodes issuer and label with encodeURIComponent (spaces as %20, the dash as UTF-8)
  // and leaves out parameters at their defaults; we state them anyway so no app has to guess.
  const base = generateURI({
    issuer: PRACTICE_ACCOUNT.issuer,
    label: PRACTICE_ACCOUNT.account,
    secret,
  });
  return `${base}&algorithm=SHA1&digits=${TOTP_PARAMS.digits}&period=${TOTP_PARAMS.periodSeconds}`;
}

/** "ABCDEFGHIJ" → "ABCD EFGH IJ". */
export function formatSetupKey(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

export async function buildPracticeSetup(secret: string): Promise<PracticeSetup> {
  const otpauthUri = practiceOtpauthUri(secret);
  const qrDataUri = await QRCode.toDataURL(otpauthUri, { ...QR_OPTIONS, type: 'image/png' });
  const modules = QRCode.create(otpauthUri, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel }).modules.size;
  return {
    issuer: PRACTICE_ACCOUNT.issuer,
    account: PRACTICE_ACCOUNT.account,
    otpauthUri,
    qrDataUri,
    qrSizePx: (modules + 2 * QR_OPTIONS.margin) * QR_OPTIONS.scale,
    setupKey: formatSetupKey(secret),
  };
}
