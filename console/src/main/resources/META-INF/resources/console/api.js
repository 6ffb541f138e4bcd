// Calls the services' public APIs with the signed-in user's token. Where each service is comes from
// config.json, which the serving service writes from its configuration (so a deployment points it
// at its ingress URLs).

import {bearerToken} from './session.js';

let config = null;

/**
 * Loads config.json once: {services: {scoring, handoff, crmSync}} base URLs ("" = this origin), and
 * signIn: {oidc: {issuer, clientId, scope} | null, tokenPaste}.
 */
export async function loadConfig() {
  if (!config) {
    const response = await fetch('config.json', {headers: {Accept: 'application/json'}});
    if (!response.ok) {
      throw new Error(`config.json answered ${response.status}`);
    }
    config = await response.json();
  }
  return config;
}

export function serviceUrl(service, path) {
  const base = config.services[service];
  if (base === undefined) {
    throw new Error(`no URL configured for ${service}`);
  }
  return base.replace(/\/$/, '') + path;
}

/** A refusal or failure of an API, from its problem+json body when it has one (RFC 9457). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || `HTTP ${status}`;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

/**
 * Calls {@code path} on {@code service}; answers the parsed JSON body (null for an empty one) or
 * throws an ApiError. A body given as an object is sent as JSON.
 */
export async function call(service, path, {method = 'GET', body, signal} = {}) {
  const token = await bearerToken();
  const headers = {Accept: 'application/json'};
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(serviceUrl(service, path), {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (failure) {
    if (failure.name === 'AbortError') {
      throw failure;
    }
    throw new ApiError(0, {title: 'Unreachable', detail: `${service} did not answer (${failure.message})`});
  }
  const text = await response.text();
  const parsed = text ? parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, parsed && typeof parsed === 'object' ? parsed : {detail: text});
  }
  return parsed;
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return {detail: text};
  }
}
