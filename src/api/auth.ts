/**
 * Who may change the graph. Queries are open; mutations need
 * `Authorization: Bearer <LAUREL_API_TOKEN>`. A server started without a
 * token has mutations disabled, and says so (MUTATIONS_DISABLED).
 *
 * The check runs through type-graphql's @Authorized(): resolvers declare
 * that they write, this module decides.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthChecker } from 'type-graphql';
import { mutationsDisabled, unauthenticated } from './errors.js';

export type Access =
  /** No token is configured: nothing may write. */
  | 'disabled'
  /** No Authorization header, or not a Bearer one. */
  | 'missing'
  | 'invalid'
  | 'writer';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Reads the request's Authorization header against the configured token. */
export function accessOf(authorization: string | undefined, token: string | undefined): Access {
  if (!token) return 'disabled';
  const m = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!m) return 'missing';
  // Compare digests, so the comparison takes the same time whatever the length or content.
  return timingSafeEqual(digest(m[1]!), digest(token)) ? 'writer' : 'invalid';
}

/** Throws the error that tells a client why it may not write; returns true when it may. */
export const authChecker: AuthChecker<{ access: Access }> = ({ context }) => {
  switch (context.access) {
    case 'writer':
      return true;
    case 'disabled':
      throw mutationsDisabled();
    case 'missing':
      throw unauthenticated('this mutation needs the header Authorization: Bearer <token> (the LAUREL_API_TOKEN the server was started with)');
    case 'invalid':
      throw unauthenticated('the bearer token is not the one this server was started with');
  }
};
