/**
 * Who may open which story. Runs on every connection (Hocuspocus calls it per document): the
 * token must be valid and unexpired, name this story, and its editor must still be on the
 * story's member list. The member list decides the role, so demoting someone to viewer takes
 * effect at their next connection even if their token says editor.
 */
import type { MembershipStore } from './membership.ts';
import type { Role } from './tokens.ts';
import { TokenError, verifyToken } from './tokens.ts';

export interface ConnectionContext {
  story: string;
  editor: string;
  role: Role;
}

export class AccessDenied extends Error {
  constructor(
    readonly reason:
      'expired' | 'invalid' | 'malformed' | 'wrong-story' | 'no-story' | 'not-a-member',
    message: string,
  ) {
    super(message);
  }
}

export async function authorise(
  token: string,
  documentName: string,
  members: MembershipStore,
  secret: string,
): Promise<ConnectionContext> {
  let claims;
  try {
    claims = await verifyToken(token, secret);
  } catch (e) {
    if (e instanceof TokenError) throw new AccessDenied(e.reason, e.message);
    throw e;
  }
  if (claims.story !== documentName) {
    throw new AccessDenied('wrong-story', 'This token is for another story.');
  }
  if (!members.story(documentName)) {
    throw new AccessDenied('no-story', `No story "${documentName}" on this server.`);
  }
  const member = members.member(documentName, claims.editor);
  if (!member) {
    throw new AccessDenied('not-a-member', `${claims.editor} is not a member of this story.`);
  }
  // The lesser of the two roles: a viewer token never writes, a demoted member never writes.
  const role: Role = member.role === 'viewer' || claims.role === 'viewer' ? 'viewer' : 'editor';
  return { story: documentName, editor: member.editor, role };
}
