// The live stream tab: errors, decisions and ticket events from the SSE stream as they arrive,
// filtered by severity and searched by text or error type without asking the server again.

import {markWrongButton} from './api.js';
import {byId, clockTime, issueLink, severityBadge, textNode} from './dom.js';

const STREAM_URL = '/api/monitoring/live';
const MAX_ROWS = 200;
// On AWS every stream answer is finite and the browser reconnects after about a second; only a
// reconnect that takes longer than this is shown as "reconnecting".
const QUIET_RECONNECT_MS = 3000;
const RESTART_AFTER_MS = 2000;

const errorRows = new Map(); // fingerprint -> li: one row per group, moved up when it recurs
let lastEventId = null;
let received = 0;
let quietTimer = null;
const listeners = [];

// ---- filters ----

function filters() {
  return {
    severity: byId('live-severity').value,
    text: byId('live-search').value.trim().toLowerCase(),
  };
}

function passes(row, wanted) {
  if (wanted.severity && row.dataset.severity !== wanted.severity) return false;
  return !wanted.text || row.dataset.search.includes(wanted.text);
}

function applyFilters() {
  const wanted = filters();
  for (const [listId, noteId] of [['errors', 'errors-shown'], ['tickets', 'tickets-shown']]) {
    const rows = [...byId(listId).children];
    let shown = 0;
    for (const row of rows) {
      row.hidden = !passes(row, wanted);
      if (!row.hidden) shown += 1;
    }
    const filtered = wanted.severity || wanted.text;
    byId(noteId).textContent = filtered ? `${shown} of ${rows.length} shown` : `${rows.length}`;
  }
}

function searchText(...parts) {
  return parts.filter((part) => part != null && part !== '').join(' ').toLowerCase();
}

function addNewest(list, row, emptyNote, onDrop) {
  list.prepend(row);
  emptyNote.hidden = true;
  while (list.children.length > MAX_ROWS) {
    const dropped = list.lastElementChild;
    dropped.remove();
    if (onDrop) onDrop(dropped);
  }
  applyFilters();
}

// ---- rows ----

function showError(data) {
  const fingerprint = String(data.fingerprint || '');
  let row = errorRows.get(fingerprint);
  if (!row) {
    row = document.createElement('li');
    row.dataset.testid = 'error-row';
    row.dataset.fingerprint = fingerprint;
    errorRows.set(fingerprint, row);
  }
  const decision = row.querySelector('.decision-line');
  const where = [data.host, data.store, data.category].filter(Boolean).join(' · ');
  row.replaceChildren(
    severityBadge(data.severity),
    textNode('span', 'message', data.message || data.template),
    textNode('span', 'count', `×${data.count ?? 1}`),
    textNode('span', 'meta', where),
    clockTime(data.last_seen || data.at),
  );
  if (decision) row.append(decision);
  row.dataset.severity = String(data.severity || '');
  row.dataset.search = searchText(data.message, data.template, data.category, data.host, data.store, fingerprint);
  addNewest(byId('errors'), row, byId('errors-empty'), (dropped) =>
    errorRows.delete(dropped.dataset.fingerprint),
  );
}

function showDecision(data) {
  const row = errorRows.get(String(data.fingerprint || ''));
  if (!row) return;
  let line = row.querySelector('.decision-line');
  if (!line) {
    line = textNode('span', 'decision-line', '');
    row.append(line);
  }
  const confidence = typeof data.confidence === 'number' ? ` at ${data.confidence.toFixed(2)}` : '';
  const tag = textNode('span', 'decision', `→ ${data.action || '?'}${confidence}`);
  tag.dataset.action = String(data.action || '');
  tag.title = String(data.reason || '');
  // A button being pressed (or pressed already) stays: the newer decision it would lose to is
  // the same group's, and the operator's click must not vanish under them.
  let button = line.querySelector('.mark-wrong');
  if (button && !button.disabled && data.decision_key) {
    button.dataset.decisionKey = String(data.decision_key);
  } else if (!button && data.decision_key) {
    button = markWrongButton(data.fingerprint, data.decision_key);
  }
  line.replaceChildren(tag, textNode('span', 'reason', data.reason));
  if (button) line.append(button);
}

function showTicket(data) {
  const row = document.createElement('li');
  row.dataset.testid = 'ticket-row';
  row.dataset.action = String(data.action || '');
  row.dataset.severity = String(data.severity || '');
  row.dataset.search = searchText(data.key, data.summary, data.action, data.fingerprint);
  row.append(
    severityBadge(data.severity),
    issueLink(data.key, data.url),
    textNode('span', 'action', data.action),
    textNode('span', 'summary', data.summary),
    clockTime(data.at),
  );
  addNewest(byId('tickets'), row, byId('tickets-empty'));
}

// ---- the stream ----

const HANDLERS = {error: showError, ticket: showTicket, decision: showDecision};

function setStreamState(state) {
  const node = byId('stream-state');
  node.dataset.state = state;
  node.textContent = state;
  describeConnection();
}

function describeConnection() {
  const state = byId('stream-state').dataset.state;
  const words = {live: 'Live', reconnecting: 'Reconnecting…', connecting: 'Connecting…'};
  const position = lastEventId === null ? '' : ` · last event #${lastEventId}`;
  byId('live-connection').textContent = `${words[state] || state}${position} · ${received} events received`;
  byId('live-connection').dataset.state = state;
}

function onFeedEvent(kind, message) {
  const id = Number(message.lastEventId);
  // A restarted stream may repeat what was shown already.
  if (lastEventId !== null && Number.isFinite(id) && id <= lastEventId) return;
  if (Number.isFinite(id)) lastEventId = id;
  let data;
  try {
    data = JSON.parse(message.data);
  } catch {
    return;
  }
  received += 1;
  HANDLERS[kind](data || {});
  describeConnection();
  for (const listener of listeners) listener(kind, data || {});
}

export function onFeed(listener) {
  listeners.push(listener);
}

export function connect(whenLoggedIn) {
  const url = lastEventId === null ? STREAM_URL : `${STREAM_URL}?lastEventId=${lastEventId}`;
  const source = new EventSource(url);
  source.addEventListener('open', () => {
    clearTimeout(quietTimer);
    quietTimer = null;
    setStreamState('live');
  });
  source.addEventListener('error', (event) => {
    // Feed events of kind "error" arrive as MessageEvents named "error" too: they are data.
    if (event instanceof MessageEvent || source.readyState === EventSource.OPEN) return;
    if (source.readyState === EventSource.CLOSED) {
      // The browser gave up (an error answer, such as an ended session): check the session,
      // then start again from the last event shown.
      setStreamState('reconnecting');
      setTimeout(() => whenLoggedIn(() => connect(whenLoggedIn)), RESTART_AFTER_MS);
      return;
    }
    if (quietTimer === null) {
      quietTimer = setTimeout(() => setStreamState('reconnecting'), QUIET_RECONNECT_MS);
    }
  });
  for (const kind of Object.keys(HANDLERS)) {
    source.addEventListener(kind, (message) => onFeedEvent(kind, message));
  }
}

export function setUpLive() {
  byId('live-severity').addEventListener('change', applyFilters);
  byId('live-search').addEventListener('input', applyFilters);
  byId('live-filters').addEventListener('submit', (event) => event.preventDefault());
  applyFilters();
}
