// Talking to the status API as the admin: the token is traded for an HttpOnly session cookie
// (the page never keeps it), and every change carries the CSRF header a cross-site form cannot.

import {byId} from './dom.js';

const CSRF_HEADERS = {'X-StackLens-CSRF': '1'};

export function notice(text, kind = 'error') {
  const node = byId('notice');
  node.textContent = text || '';
  node.dataset.kind = kind;
}

export class HttpError extends Error {
  constructor(path, status) {
    super(`${path}: HTTP ${status}`);
    this.status = status;
  }
}

let onSessionEnded = () => {};

export function whenSessionEnds(callback) {
  onSessionEnded = callback;
}

// Answers can come back out of order: a refresh sent before a change, or before another
// refresh, may be answered after it, and would put back what the reader has just seen
// replaced. A view takes a turn before it asks and shows the answer only if it is still the
// latest turn: `const latest = view(); ... await ...; if (!latest()) return;`.
export function turns() {
  let newest = 0;
  return () => {
    const turn = ++newest;
    return () => turn === newest;
  };
}

export async function getJson(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}});
  if (response.status === 401) onSessionEnded('The session ended: log in again.');
  if (!response.ok) throw new HttpError(path, response.status);
  return response.json();
}

// A change as the admin; the parsed answer, or null when it failed (the notice says why).
export async function sendAsAdmin(path, body, method = 'POST') {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: {...CSRF_HEADERS, 'Content-Type': 'application/json'},
      body: JSON.stringify(body),
    });
  } catch (error) {
    notice(`Could not reach StackLens: ${error.message}`);
    return null;
  }
  if (response.status === 401) {
    onSessionEnded('The session ended: log in again, then repeat the action.');
    return null;
  }
  if (!response.ok) {
    let reason = `HTTP ${response.status}`;
    try {
      const answer = await response.json();
      if (answer.error) reason = answer.error;
    } catch {
      // not JSON: the status says enough
    }
    notice(`${path} failed: ${reason}`);
    return null;
  }
  notice('');
  return response.json();
}

export async function hasSession() {
  const response = await fetch('/api/session', {headers: {Accept: 'application/json'}});
  return response.ok;
}

export async function logIn(token) {
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({token}),
  });
  return response.ok;
}

export async function logOut() {
  await fetch('/api/session', {method: 'DELETE'});
}

// Feedback for the model: the operator says this decision was wrong. The button names its
// decision in data attributes, so a live row can point it at a newer decision in place.
async function markDecisionWrong(button) {
  button.disabled = true;
  const answer = await sendAsAdmin('/api/decisions/feedback', {
    fingerprint: button.dataset.fingerprint,
    decision_key: button.dataset.decisionKey,
  });
  if (answer) {
    button.textContent = 'Marked wrong';
  } else {
    button.disabled = false;
  }
}

export function markWrongButton(fingerprint, decisionKey) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'mark-wrong small';
  button.dataset.testid = 'mark-wrong';
  button.dataset.fingerprint = String(fingerprint || '');
  button.dataset.decisionKey = String(decisionKey || '');
  button.textContent = 'Mark wrong';
  button.setAttribute('aria-label', 'Mark this decision wrong');
  button.addEventListener('click', () => markDecisionWrong(button));
  return button;
}
