import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import type { FieldError } from '../errors.ts';

/**
 * Buyer passwords: scrypt (memory-hard, never a fast hash) with a per-password random salt. The
 * parameters are stored with each hash (`scrypt$ln=15,r=8,p=1$<salt>$<key>`, base64url), so they
 * can be raised later: a hash made with weaker ones still verifies and says it needs a rehash,
 * which sign-in then writes.
 */
export interface ScryptParams {
  /** log2 of N, the CPU/memory cost. */
  ln: number;
  r: number;
  p: number;
}

/** N = 2^15, r = 8, p = 1: 32 MiB and ~50–100 ms per hash on a Lambda core. */
export const currentParams: ScryptParams = { ln: 15, r: 8, p: 1 };

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{16,})$/;

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** params.ln;
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    // Node refuses above 32 MiB by default; scrypt needs 128·N·r bytes.
    maxmem: 128 * N * params.r * params.p + 1024 * 1024,
  };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, params: ScryptParams = currentParams): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export interface PasswordCheck {
  ok: boolean;
  /** The hash was made with weaker parameters than today's: store a new one. */
  needsRehash: boolean;
}

/** Compares in constant time; a hash in an unknown format never verifies. */
export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  const match = FORMAT.exec(stored);
  if (!match) return { ok: false, needsRehash: false };
  const params = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (params.ln < 10 || params.ln > 22 || params.r < 1 || params.p < 1)
    return { ok: false, needsRehash: false };
  const expected = Buffer.from(match[5]!, 'base64url');
  const key = await derive(password, Buffer.from(match[4]!, 'base64url'), params, expected.length);
  const ok = key.length === expected.length && timingSafeEqual(key, expected);
  const weaker = params.ln < currentParams.ln || params.r < currentParams.r || params.p < currentParams.p;
  return { ok, needsRehash: ok && weaker };
}

/**
 * A hash of no password, verified against when the email is unknown, so that a sign-in for an
 * account that does not exist takes as long as one with a wrong password.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/**
 * The rules a new password must meet, as field errors (rules of the `validation` namespace):
 * at least 10 characters, and not the account's email (nor its part before the @).
 */
export function passwordProblems(password: string, email: string, path = 'body.password'): FieldError[] {
  const problems: FieldError[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    problems.push({ path, rule: 'password_too_short', params: { minimum: PASSWORD_MIN_LENGTH } });
  }
  const lowered = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (lowered === address || (local.length > 0 && lowered === local)) {
    problems.push({ path, rule: 'password_is_email' });
  }
  return problems;
}
