/**
 * A shared-secret token for a server bound beyond loopback: requests carry it as
 * `Authorization: Bearer <token>` or in the `dateline_token` cookie, which a browser gets by
 * opening `/?token=<token>` once (the server sets it HttpOnly, SameSite=Strict, and redirects to the
 * same URL without the token). Reads may be left open (`openReads`); writes never are.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

export const TOKEN_COOKIE = 'dateline_token';
export const TOKEN_ENV = 'DATELINE_TOKEN';
/** A token shorter than this is refused at start: it could be guessed. */
export const MIN_TOKEN_LENGTH = 16;

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

export function sameToken(given: string | undefined, expected: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}

function cookie(c: Context, name: string): string | undefined {
  for (const part of (c.req.header('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function presentedToken(c: Context): string | undefined {
  const auth = c.req.header('authorization');
  const m = auth ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
  return m ? m[1] : cookie(c, TOKEN_COOKIE);
}

/** `/?token=…` with the right token: the cookie and a redirect to the URL without it; else null. */
export function tokenLogin(c: Context, expected: string): Response | null {
  const url = new URL(c.req.url);
  const given = url.searchParams.get('token');
  if (c.req.method !== 'GET' || given === null || !sameToken(given, expected)) return null;
  url.searchParams.delete('token');
  const location = url.pathname + (url.searchParams.size ? `?${url.searchParams}` : '');
  return new Response(null, {
    status: 303,
    headers: { location, 'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(expected)}; HttpOnly; SameSite=Strict; Path=/` },
  });
}
