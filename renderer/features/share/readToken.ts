import { decodeJwt } from 'jose';

/** Reads the story, editor and role a token was issued for (the server checks the signature). */
export function readToken(token: string): {
  story: string;
  editor: string;
  role: 'editor' | 'viewer';
} {
  let claims;
  try {
    claims = decodeJwt(token.trim());
  } catch {
    throw new Error('This is not a Corroborate access token: paste the whole token you were sent.');
  }
  const { story, sub, role, exp } = claims as Record<string, unknown>;
  if (typeof story !== 'string' || typeof sub !== 'string') {
    throw new Error('This token names no story or editor: ask for a new one.');
  }
  if (typeof exp === 'number' && exp * 1000 < Date.now()) {
    throw new Error('This token has expired: ask whoever runs the server for a new one.');
  }
  return { story, editor: sub, role: role === 'viewer' ? 'viewer' : 'editor' };
}
