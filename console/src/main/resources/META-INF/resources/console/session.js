// The signed-in user: an access token of the organisation's OIDC provider, got through its login page
// (authorization code with PKCE, oidc-client-ts) and refreshed before it expires; or, in development only,
// a pasted bearer token (deploy/local/token's). Either is kept for this tab only (sessionStorage). Its
// claims are read here only to choose which views to show; every API checks the token itself.

const KEY = 'leadflow.console.token';

export const ROLES = Object.freeze({
  MARKETING_OPS: 'marketing-ops',
  SALES_REP: 'sales-rep',
  SALES_MANAGER: 'sales-manager',
  ADMIN: 'admin',
});

const KNOWN_ROLES = Object.values(ROLES);
/** Renew this long before expiry at most; a token living less is renewed when three quarters of it have passed. */
const RENEW_MARGIN_SECONDS = 60;

let manager = null;
let providerUser = null;
let renewal = null;
let renewTimer = null;
const signedOutListeners = [];

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
 * rules); name is only shown (preferred_username, else name, else the subject); roles are Leadflow's four
 * among the token's groups (a provider may add its own).
 */
export function userOf(token) {
  const claims = decode(token);
  if (!claims) {
    return null;
  }
  const roles = Array.isArray(claims.groups) ? claims.groups.filter(role => KNOWN_ROLES.includes(role)) : [];
  const id = claims.sub || 'unknown';
  const name = claims.preferred_username || claims.name || id;
  const expiresAt = typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null;
  return {token: token.trim(), id, name, roles, expiresAt, has: (...wanted) => wanted.some(role => roles.includes(role))};
}

/**
 * Sets up sign-in from config.json's signIn ({oidc: {issuer, clientId, scope} | null, tokenPaste}): finishes a
 * return from the provider's login page (the code in the URL), and renews a stored session whose access token
 * expired meanwhile. Answers the problem to show when the provider refused a sign-in, else null.
 */
export async function startSession(signIn) {
  if (!signIn?.oidc) {
    return null;
  }
  manager = new globalThis.oidc.UserManager(settings(signIn.oidc));
  manager.events.addUserLoaded(user => loaded(user));
  const returned = new URLSearchParams(location.search);
  let problem = null;
  if (returned.has('state')) {
    try {
      if (returned.has('code') || returned.has('error')) {
        const user = await manager.signinRedirectCallback();
        history.replaceState(null, '', location.pathname + (typeof user.state === 'string' ? user.state : ''));
      } else {
        history.replaceState(null, '', location.pathname + location.hash);
      }
    } catch (refusal) {
      history.replaceState(null, '', location.pathname);
      problem = `The sign-in did not complete: ${refusal.message}`;
    }
  }
  loaded(await manager.getUser());
  if (providerUser?.expired) {
    await renew();
  }
  return problem;
}

function settings(oidc) {
  const back = location.origin + location.pathname;
  const store = new globalThis.oidc.WebStorageStateStore({store: sessionStorage});
  return {
    authority: oidc.issuer,
    client_id: oidc.clientId,
    scope: oidc.scope,
    response_type: 'code',
    redirect_uri: back,
    post_logout_redirect_uri: back,
    userStore: store,
    stateStore: store,
    loadUserInfo: false,
    // renewal is ours (renewSoon): its time follows the token's lifetime, however short the provider makes it
    automaticSilentRenew: false,
    // the provider's session iframe would need frame-src in the console's policy
    monitorSession: false,
  };
}

function loaded(user) {
  // an expired user is kept: its refresh token may still renew it
  providerUser = user ?? null;
  renewSoon();
}

/** Renews the access token (refresh-token grant) a margin before it expires: 60 s, or a quarter of a short lifetime. */
function renewSoon() {
  clearTimeout(renewTimer);
  const claims = providerUser ? decode(providerUser.access_token) : null;
  if (!claims?.exp) {
    return;
  }
  const lifetime = claims.exp - (claims.iat ?? claims.exp - RENEW_MARGIN_SECONDS * 4);
  const margin = Math.min(RENEW_MARGIN_SECONDS, lifetime / 4);
  const delay = Math.max(1000, (claims.exp - margin) * 1000 - Date.now());
  renewTimer = setTimeout(renew, delay);
}

/** One renewal at a time; when the provider refuses (its session ended), the user is signed out here too. */
function renew() {
  if (!renewal) {
    renewal = manager.signinSilent()
      .catch(async () => {
        await manager.removeUser();
        providerUser = null;
        signedOutListeners.forEach(listener => listener());
      })
      .finally(() => { renewal = null; });
  }
  return renewal;
}

/** Whether people may sign in through the provider (config.json names one). */
export function providerConfigured() {
  return manager !== null;
}

/** Goes to the provider's login page; back on the console, the view now in the address bar opens. */
export function signInWithProvider() {
  return manager.signinRedirect({state: location.hash});
}

/** Calls {@code listener} when a session ends without the user asking (the provider refused a renewal). */
export function onSignedOut(listener) {
  signedOutListeners.push(listener);
}

/** The signed-in user, or null (none, or the token expired). */
export function currentUser() {
  if (providerUser && !providerUser.expired) {
    return userOf(providerUser.access_token);
  }
  const token = sessionStorage.getItem(KEY);
  const user = token ? userOf(token) : null;
  if (!user || (user.expiresAt && user.expiresAt <= new Date())) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return user;
}

/** The token to send now: a provider's access token about to expire (or expired) is renewed first. */
export async function bearerToken() {
  if (providerUser && (providerUser.expires_in ?? 0) <= 5) {
    await renew();
  }
  return currentUser()?.token ?? null;
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
    throw new Error(`This token carries none of the roles ${KNOWN_ROLES.join(', ')} (groups claim): the console has nothing to show.`);
  }
  sessionStorage.setItem(KEY, user.token);
  return user;
}

/**
 * Signs out: a pasted token is forgotten; a provider's session is ended at the provider too (its end-session
 * endpoint, which comes back to the console), so the next sign-in asks for the password again.
 */
export async function signOut() {
  sessionStorage.removeItem(KEY);
  clearTimeout(renewTimer);
  if (providerUser) {
    providerUser = null;
    await manager.signoutRedirect();
  }
}
