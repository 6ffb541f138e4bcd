// The signed-in user: a bearer token of the organisation's identity provider (or, on the local stack,
// one printed by deploy/local/token), kept for this tab only. Its claims are read here only to choose
// which views to show; every API checks the token itself.

const KEY = 'leadflow.console.token';

export const ROLES = Object.freeze({
  MARKETING_OPS: 'marketing-ops',
  SALES_REP: 'sales-rep',
  SALES_MANAGER: 'sales-manager',
  ADMIN: 'admin',
});

/** The claims of a JWT's payload, or null when the text is not a JWT. */
export function decode(token) {
  const parts = token.trim().split('.');
  if (parts.length !== 3) {
    return null;
  }
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - base64.length % 4) % 4);
    const bytes = Uint8Array.from(atob(padded), c => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/**
 * The user a token names: id is the subject (sub), as the services know a user (a rep's id in the routing
 * rules); name is only shown (preferred_username, else name, else the subject).
 */
export function userOf(token) {
  const claims = decode(token);
  if (!claims) {
    return null;
  }
  const roles = Array.isArray(claims.groups) ? claims.groups : [];
  const id = claims.sub || 'unknown';
  const name = claims.preferred_username || claims.name || id;
  const expiresAt = typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null;
  return {token: token.trim(), id, name, roles, expiresAt, has: (...wanted) => wanted.some(role => roles.includes(role))};
}

/** The signed-in user, or null (none, or the token expired). */
export function currentUser() {
  const token = sessionStorage.getItem(KEY);
  const user = token ? userOf(token) : null;
  if (!user || (user.expiresAt && user.expiresAt <= new Date())) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return user;
}

export function signIn(token) {
  const user = userOf(token);
  if (!user) {
    throw new Error('This is not a JWT: paste the whole token, three parts separated by dots.');
  }
  if (user.expiresAt && user.expiresAt <= new Date()) {
    throw new Error(`This token expired at ${user.expiresAt.toLocaleString()}.`);
  }
  if (user.roles.length === 0) {
    throw new Error('This token carries no roles (groups claim): the console has nothing to show.');
  }
  sessionStorage.setItem(KEY, user.token);
  return user;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}
