/**
 * Signed access tokens (HS256 JWT via jose). A token names one story, one editor and a role, and
 * always expires. The server still checks the story's member list on every connection, so
 * removing a member locks them out even while their token is unexpired.
 */
import { SignJWT, jwtVerify, errors } from 'jose';

export type Role = 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['editor', 'viewer'];

export interface TokenClaims {
  story: string;
  editor: string;
  role: Role;
}

const ISSUER = 'corroborate';
const AUDIENCE = 'corroborate-sync';
/** HS256 needs at least 256 bits of key; a shorter secret is a configuration error. */
export const MIN_SECRET_BYTES = 32;

export function secretKey(secret: string): Uint8Array {
  const key = new TextEncoder().encode(secret);
  if (key.length < MIN_SECRET_BYTES) {
    throw new Error(
      `The token secret is ${key.length} bytes; it must be at least ${MIN_SECRET_BYTES}. ` +
        'Set CORROBORATE_SECRET to a long random string (e.g. `openssl rand -hex 32`).',
    );
  }
  return key;
}

/** ttlSeconds: lifetime from now; tokens without an expiry are never issued. */
export async function issueToken(
  claims: TokenClaims,
  secret: string,
  ttlSeconds: number,
  now = Date.now(),
): Promise<string> {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new Error(`Token lifetime must be a positive number of seconds, got ${ttlSeconds}.`);
  }
  const iat = Math.floor(now / 1000);
  return new SignJWT({ story: claims.story, role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.editor)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.floor(ttlSeconds))
    .sign(secretKey(secret));
}

export class TokenError extends Error {
  constructor(
    readonly reason: 'expired' | 'invalid' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

/** Verifies signature, issuer, audience and expiry; returns the claims or throws TokenError. */
export async function verifyToken(token: string, secret: string): Promise<TokenClaims> {
  if (!token) throw new TokenError('malformed', 'No token was sent.');
  try {
    const { payload } = await jwtVerify(token, secretKey(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['exp', 'sub'],
    });
    const { story, role, sub } = payload;
    if (typeof story !== 'string' || typeof sub !== 'string' || !ROLES.includes(role as Role)) {
      throw new TokenError('malformed', 'The token lacks a story, editor or valid role.');
    }
    return { story, editor: sub, role: role as Role };
  } catch (e) {
    if (e instanceof TokenError) throw e;
    if (e instanceof errors.JWTExpired) throw new TokenError('expired', 'The token has expired.');
    throw new TokenError('invalid', 'The token signature or claims are not valid.');
  }
}

/** Parses "90s", "30m", "12h", "7d" into seconds. */
export function parseTtl(text: string): number {
  const m = /^(\d+)\s*([smhd])$/.exec(text.trim());
  if (!m) throw new Error(`Cannot read the lifetime "${text}": write e.g. 30m, 12h or 7d.`);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
