import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import {
  checkPracticeCode,
  createPracticeEngine,
  isPracticeSession,
  practiceAllowance,
  startPracticeSession,
  totpCodeAt,
  type PracticeSession,
} from '../src/practice/index.js';
import { buildPracticeSetup, QR_OPTIONS } from '../src/practice/setup.js';
import { PRACTICE, PRACTICE_ACCOUNT } from '../src/content/practice.js';

/** A fixed moment 7 s into a time step (no dependence on today's date). */
const T0 = Date.UTC(2025, 2, 26, 9, 30, 7);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** RFC 6238 appendix B's SHA-1 key, handed out by an injected random source. */
const rfcBytes = (length: number): Uint8Array => new TextEncoder().encode('12345678901234567890'.slice(0, length));

function session(at = T0): PracticeSession {
  let n = 0;
  // deterministic but not trivial bytes
  return startPracticeSession(at, (length) => Uint8Array.from({ length }, () => (n = (n * 31 + 17) % 256)));
}

describe('TOTP codes', () => {
  it('match the RFC 6238 SHA-1 test vectors (6 digits)', () => {
    const s = startPracticeSession(T0, rfcBytes);
    expect(s.secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(totpCodeAt(s.secret, 59 * SECOND)).toBe('287082');
    expect(totpCodeAt(s.secret, 1111111109 * SECOND)).toBe('081804');
    expect(totpCodeAt(s.secret, 1234567890 * SECOND)).toBe('005924');
  });

  it('gives each session a fresh secret from real randomness', () => {
    const engine = createPracticeEngine({ clock: () => T0 });
    const secrets = new Set(Array.from({ length: 5 }, () => engine.start().secret));
    expect(secrets.size).toBe(5);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe('checking a practice code with a controlled clock', () => {
  const s = session();
  const codeFromPhoneAt = (offsetMs: number): string => totpCodeAt(s.secret, T0 + offsetMs);

  it('accepts the code of now', () => {
    const check = checkPracticeCode(s, codeFromPhoneAt(0), T0);
    expect(check.result).toEqual({ kind: 'success' });
    expect(check.session.tries).toBe(1);
    expect(check.triesLeft).toBe(4);
  });

  it('accepts codes from 30 seconds before and after (one time step)', () => {
    expect(checkPracticeCode(s, codeFromPhoneAt(-30 * SECOND), T0).result).toEqual({ kind: 'success' });
    expect(checkPracticeCode(s, codeFromPhoneAt(30 * SECOND), T0).result).toEqual({ kind: 'success' });
  });

  it('tolerates spaces and a hyphen in the typed code', () => {
    const code = codeFromPhoneAt(0);
    expect(checkPracticeCode(s, ` ${code.slice(0, 3)} ${code.slice(3)} `, T0).result.kind).toBe('success');
    expect(checkPracticeCode(s, `${code.slice(0, 3)}-${code.slice(3)}`, T0).result.kind).toBe('success');
  });

  it('diagnoses a phone about 3 minutes fast', () => {
    const check = checkPracticeCode(s, codeFromPhoneAt(3 * MINUTE), T0);
    expect(check.result).toEqual({ kind: 'clock-off', direction: 'fast', offsetSeconds: 180, approxMinutes: 3 });
    expect(check.session.tries).toBe(1);
    if (check.result.kind === 'clock-off') {
      expect(PRACTICE.clockOff.size(check.result.direction, check.result.approxMinutes)).toBe('about 3 minutes fast');
    }
  });

  it('diagnoses a phone about 2 minutes slow', () => {
    const check = checkPracticeCode(s, codeFromPhoneAt(-2 * MINUTE), T0);
    expect(check.result).toEqual({ kind: 'clock-off', direction: 'slow', offsetSeconds: -120, approxMinutes: 2 });
    if (check.result.kind === 'clock-off') {
      expect(PRACTICE.clockOff.size(check.result.direction, check.result.approxMinutes)).toBe('about 2 minutes slow');
    }
  });

  it('still recognises a clock 10 minutes off, but not 11', () => {
    const ten = checkPracticeCode(s, codeFromPhoneAt(10 * MINUTE), T0).result;
    expect(ten).toMatchObject({ kind: 'clock-off', direction: 'fast', approxMinutes: 10 });
    const eleven = codeFromPhoneAt(-11 * MINUTE);
    const nearby = new Set(Array.from({ length: 41 }, (_, i) => codeFromPhoneAt((i - 20) * 30 * SECOND)));
    expect(nearby.has(eleven)).toBe(false); // the fixed secret has no coincidental match nearby
    expect(checkPracticeCode(s, eleven, T0).result).toEqual({ kind: 'no-match' });
  });

  it('answers a code from nowhere with advice, counting the try', () => {
    const nearby = new Set(Array.from({ length: 41 }, (_, i) => codeFromPhoneAt((i - 20) * 30 * SECOND)));
    const wrong = ['000000', '111111', '123456', '999999'].find((c) => !nearby.has(c));
    expect(wrong).toBeDefined();
    const check = checkPracticeCode(s, wrong ?? '', T0);
    expect(check.result).toEqual({ kind: 'no-match' });
    expect(check.triesLeft).toBe(4);
    expect(PRACTICE.noMatch.checks.map((c) => c.text).join(' ')).toMatch(/A space or a dash in the middle is fine/);
  });

  it('does not count text that is not a 6-digit code as a try', () => {
    for (const typed of ['hello', '12345', '1234567', '12a456', '']) {
      const check = checkPracticeCode(s, typed, T0);
      expect(check.result).toEqual({ kind: 'not-a-code' });
      expect(check.session).toBe(s);
    }
  });
});

describe('limits', () => {
  it('allows at most 5 tries per secret', () => {
    let s = session();
    const right = totpCodeAt(s.secret, T0);
    const nearby = new Set(Array.from({ length: 41 }, (_, i) => totpCodeAt(s.secret, T0 + (i - 20) * 30 * SECOND)));
    const wrong = ['000000', '111111', '222222', '333333'].find((c) => !nearby.has(c)) ?? '';
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const check = checkPracticeCode(s, wrong, T0);
      expect(check.result.kind).toBe('no-match');
      left.push(check.triesLeft);
      s = check.session;
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const sixth = checkPracticeCode(s, right, T0);
    expect(sixth.result).toEqual({ kind: 'out-of-tries' });
    expect(sixth.session.tries).toBe(5);
    expect(practiceAllowance(s, T0).outOfTries).toBe(true);
  });

  it('expires a secret after 15 minutes, even for the right code', () => {
    const s = session();
    const late = T0 + 15 * MINUTE;
    expect(checkPracticeCode(s, totpCodeAt(s.secret, late), late).result).toEqual({ kind: 'expired' });
    const justInTime = late - SECOND;
    expect(checkPracticeCode(s, totpCodeAt(s.secret, justInTime), justInTime).result).toEqual({ kind: 'success' });
  });

  it('says what is left', () => {
    const s = { ...session(), tries: 2 };
    const a = practiceAllowance(s, T0 + 3 * MINUTE + 10 * SECOND);
    expect(a).toMatchObject({ triesLeft: 3, minutesLeft: 12, expired: false, outOfTries: false });
    expect(PRACTICE.whatsLeft(a.triesLeft, a.minutesLeft)).toBe(
      'You have 3 tries left, and about 12 minutes before this practice account expires.',
    );
    expect(PRACTICE.whatsLeft(1, 1)).toBe('You have 1 try left, and about a minute before this practice account expires.');
    expect(practiceAllowance(s, T0 + 16 * MINUTE)).toMatchObject({ msLeft: 0, minutesLeft: 0, expired: true });
  });

  it('the engine uses its injected clock', () => {
    let now = T0;
    const engine = createPracticeEngine({ clock: () => now, randomBytes: rfcBytes });
    const s = engine.start();
    expect(s.createdAt).toBe(T0);
    now = T0 + 5 * MINUTE;
    expect(engine.allowance(s).minutesLeft).toBe(10);
    expect(engine.check(s, totpCodeAt(s.secret, now)).result.kind).toBe('success');
    now = T0 + 20 * MINUTE;
    expect(engine.check(s, totpCodeAt(s.secret, now)).result.kind).toBe('expired');
  });
});

describe('session state', () => {
  it('survives a JSON round trip and rejects malformed state', () => {
    const s = session();
    const back: unknown = JSON.parse(JSON.stringify(s));
    expect(isPracticeSession(back)).toBe(true);
    expect(back).toEqual(s);
    expect(Object.keys(s).sort()).toEqual(['createdAt', 'secret', 'tries']);
    for (const bad of [null, 'x', {}, { ...s, tries: -1 }, { ...s, secret: 'not base32!' }, { ...s, createdAt: '1' }]) {
      expect(isPracticeSession(bad)).toBe(false);
    }
  });
});

describe('set-up card data', () => {
  it('builds an otpauth URI with the right, correctly encoded parameters', async () => {
    const s = startPracticeSession(T0, rfcBytes);
    const setup = await buildPracticeSetup(s.secret);
    expect(setup.otpauthUri).toBe(
      'otpauth://totp/MFA%20Practice:Practice%20%E2%80%94%20not%20NHSmail' +
        '?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=MFA%20Practice&algorithm=SHA1&digits=6&period=30',
    );
    const url = new URL(setup.otpauthUri);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname.slice(1))).toBe(`${PRACTICE_ACCOUNT.issuer}:${PRACTICE_ACCOUNT.account}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret: s.secret,
      issuer: 'MFA Practice',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
    expect(setup.otpauthUri).not.toContain('+');
  });

  it('formats the key in groups of 4', async () => {
    const setup = await buildPracticeSetup(session().secret);
    expect(setup.setupKey).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    expect(setup.setupKey.replaceAll(' ', '')).toBe(session().secret);
  });

  it('draws the QR code as a small PNG data URI whose modules are those of the URI', async () => {
    const setup = await buildPracticeSetup(session().secret);
    expect(setup.qrDataUri.startsWith('data:image/png;base64,')).toBe(true);
    expect(setup.qrDataUri.length).toBeLessThan(6 * 1024);

    const png = PNG.sync.read(Buffer.from(setup.qrDataUri.slice('data:image/png;base64,'.length), 'base64'));
    expect(png.width).toBe(setup.qrSizePx);
    expect(png.height).toBe(setup.qrSizePx);

    const qr = QRCode.create(setup.otpauthUri, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
    const size = qr.modules.size;
    const { scale, margin } = QR_OPTIONS;
    let mismatches = 0;
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const x = (col + margin) * scale + Math.floor(scale / 2);
        const y = (row + margin) * scale + Math.floor(scale / 2);
        const dark = (png.data[(y * png.width + x) * 4] ?? 255) < 128;
        if (dark !== Boolean(qr.modules.get(row, col))) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    // the quiet zone is light
    expect(png.data[0]).toBeGreaterThan(200);
  });
});
