// The status page: live errors and tickets from the SSE stream, a status bar, the automation
// switch. Log text is always set with textContent, never as markup: a log line is data.

const STREAM_URL = '/api/monitoring/live';
const MAX_ROWS = 200;
// State changes by the session cookie carry this header; a cross-site form cannot send it.
const CSRF_HEADERS = {'X-StackLens-CSRF': '1'};
// On AWS every stream answer is finite and the browser reconnects after about a second; only a
// reconnect that takes longer than this is shown as "reconnecting".
const QUIET_RECONNECT_MS = 3000;
const RESTART_AFTER_MS = 2000;
const STATUS_REFRESH_MS = 15000;
const SEVERITY_CLASS = {CRITICAL: 'sev-critical', HIGH: 'sev-high', MEDIUM: 'sev-medium', LOW: 'sev-low'};

const byId = (id) => document.getElementById(id);

// ---- small DOM helpers (text only) ----

function textNode(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text == null ? '' : String(text);
  return node;
}

function severityBadge(severity) {
  const label = severity ? String(severity) : '?';
  const badge = textNode('span', 'badge', label);
  badge.classList.add(SEVERITY_CLASS[label] || 'sev-unknown');
  badge.dataset.testid = 'severity';
  return badge;
}

function clockTime(value) {
  const moment = new Date(value);
  const text = Number.isNaN(moment.getTime()) ? String(value || '') : moment.toLocaleTimeString();
  const node = textNode('time', '', text);
  if (value) node.dateTime = String(value);
  return node;
}

// Only http(s) links: a javascript: URL in an event must not become a clickable script.
function safeUrl(value) {
  try {
    const url = new URL(String(value), window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function addNewest(list, row, emptyNote, onDrop) {
  list.prepend(row);
  emptyNote.hidden = true;
  while (list.children.length > MAX_ROWS) {
    const dropped = list.lastElementChild;
    dropped.remove();
    if (onDrop) onDrop(dropped);
  }
}

// ---- the two live lists ----

const errorRows = new Map(); // fingerprint -> li: one row per group, moved up when it recurs

function showError(data) {
  const fingerprint = String(data.fingerprint || '');
  let row = errorRows.get(fingerprint);
  if (!row) {
    row = document.createElement('li');
    row.dataset.testid = 'error-row';
    row.dataset.fingerprint = fingerprint;
    errorRows.set(fingerprint, row);
  }
  const decision = row.querySelector('.decision');
  row.replaceChildren(
    severityBadge(data.severity),
    textNode('span', 'message', data.message || data.template),
    textNode('span', 'count', `×${data.count ?? 1}`),
    textNode('span', 'meta', [data.host, data.store].filter(Boolean).join(' · ')),
    clockTime(data.last_seen || data.at),
  );
  row.dataset.severity = String(data.severity || '');
  if (decision) row.querySelector('.meta').append(decision);
  addNewest(byId('errors'), row, byId('errors-empty'), (dropped) =>
    errorRows.delete(dropped.dataset.fingerprint),
  );
}

function showDecision(data) {
  const row = errorRows.get(String(data.fingerprint || ''));
  if (row) {
    let tag = row.querySelector('.decision');
    if (!tag) {
      tag = textNode('span', 'decision', '');
      row.querySelector('.meta').append(tag);
    }
    const confidence = typeof data.confidence === 'number' ? ` ${data.confidence.toFixed(2)}` : '';
    tag.textContent = `→ ${data.action || '?'}${confidence}`;
    tag.title = String(data.reason || '');
    if (data.decision_key) showMarkWrong(row, data);
  }
  scheduleStatusRefresh();
}

// Feedback for the model: the operator says the latest decision on this error was wrong.
function showMarkWrong(row, decision) {
  let button = row.querySelector('.mark-wrong');
  if (!button) {
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'mark-wrong';
    button.dataset.testid = 'mark-wrong';
    row.querySelector('.meta').append(button);
  }
  button.textContent = 'Mark wrong';
  button.disabled = false;
  button.onclick = () => markWrong(button, decision);
}

async function markWrong(button, decision) {
  const answer = await postAsAdmin('/api/decisions/feedback', {
    fingerprint: decision.fingerprint,
    decision_key: decision.decision_key,
  });
  if (answer) {
    button.textContent = 'Marked wrong';
    button.disabled = true;
  }
}

function showTicket(data) {
  const row = document.createElement('li');
  row.dataset.testid = 'ticket-row';
  row.dataset.action = String(data.action || '');
  const href = safeUrl(data.url);
  const key = href ? document.createElement('a') : document.createElement('span');
  key.className = 'key';
  key.textContent = String(data.key || '?');
  if (href) {
    key.href = href;
    key.target = '_blank';
    key.rel = 'noopener noreferrer';
  }
  row.append(
    severityBadge(data.severity),
    key,
    textNode('span', 'action', data.action),
    textNode('span', 'summary', data.summary),
    clockTime(data.at),
  );
  addNewest(byId('tickets'), row, byId('tickets-empty'));
  scheduleStatusRefresh();
}

// ---- the stream ----

const HANDLERS = {error: showError, ticket: showTicket, decision: showDecision};
let lastEventId = null;
let quietTimer = null;

function setStreamState(state) {
  const node = byId('stream-state');
  node.dataset.state = state;
  node.textContent = state;
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
  HANDLERS[kind](data || {});
}

function connect() {
  const url = lastEventId === null ? STREAM_URL : `${STREAM_URL}?lastEventId=${lastEventId}`;
  const source = new EventSource(url);
  source.addEventListener('open', () => {
    clearTimeout(quietTimer);
    quietTimer = null;
    setStreamState('live');
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      // The browser gave up (an error answer, such as an ended session): check the session,
      // then start again from the last event shown.
      setStreamState('reconnecting');
      setTimeout(() => whenLoggedIn(connect), RESTART_AFTER_MS);
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

// ---- the status bar ----

let automationEnabled = null;
let refreshTimer = null;

async function getJson(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}});
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function renderAutomation(enabled) {
  automationEnabled = Boolean(enabled);
  const word = automationEnabled ? 'on' : 'off';
  byId('automation-state').textContent = `Automation: ${word}`;
  const button = byId('automation-toggle');
  button.textContent = `Automation ${word}`;
  button.dataset.enabled = String(automationEnabled);
  button.setAttribute('aria-pressed', String(automationEnabled));
}

async function refreshStatus() {
  try {
    const automation = await getJson('/api/automation/status');
    renderAutomation(automation.enabled);
    renderThresholds(automation.thresholds);
    const counts = Object.entries(automation.counts || {})
      .map(([action, count]) => `${action} ${count}`)
      .join(' · ');
    byId('decision-counts').textContent = counts ? `Decisions: ${counts}` : '';
    byId('ticket-count').textContent = `Tickets: ${automation.tickets ?? 0}`;
  } catch (error) {
    byId('automation-state').textContent = 'Automation: unknown';
  }
  try {
    const jira = await getJson('/api/jira/status');
    byId('jira-state').textContent = jira.configured
      ? `Jira: ${jira.project} at ${jira.url}`
      : 'Jira: not configured';
    const dead = jira.dead_letter_jobs ?? 0;
    byId('dead-letters').textContent = `Dead-lettered jobs: ${dead}`;
    byId('redrive').hidden = dead === 0;
  } catch (error) {
    byId('jira-state').textContent = 'Jira: unknown';
  }
}

function scheduleStatusRefresh() {
  if (refreshTimer === null) {
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      refreshStatus();
    }, 500);
  }
}

async function testJira() {
  byId('jira-state').textContent = 'Jira: testing…';
  try {
    const jira = await getJson('/api/jira/status?test=1');
    const failed = (jira.checks || []).find((check) => !check.ok);
    if (!jira.reachable) {
      byId('jira-state').textContent = `Jira: not reachable (${jira.account})`;
    } else if (failed) {
      byId('jira-state').textContent = `Jira: ${failed.check} failed (${failed.detail})`;
    } else {
      byId('jira-state').textContent = `Jira: ready, issues open as ${jira.account}`;
    }
  } catch (error) {
    byId('jira-state').textContent = `Jira: ${error.message}`;
  }
}

// ---- the automation switch (admin) ----

function notice(text) {
  byId('notice').textContent = text || '';
}

// ---- the admin session: the token is traded for an HttpOnly cookie, never kept by the page ----

let loggedIn = false;
let afterLogin = [];

function askToLogIn(reason) {
  loggedIn = false;
  notice(reason);
  byId('token-form').hidden = false;
  byId('admin-token').focus();
}

// Run `action` now if the session is open, else once the admin has logged in.
async function whenLoggedIn(action) {
  if (!loggedIn) {
    const response = await fetch('/api/session', {headers: {Accept: 'application/json'}});
    loggedIn = response.ok;
  }
  if (loggedIn) {
    action();
  } else {
    afterLogin.push(action);
    askToLogIn('Log in with the admin token.');
  }
}

async function onLogIn(event) {
  event.preventDefault();
  const token = byId('admin-token').value.trim();
  if (!token) return;
  byId('admin-token').value = '';
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({token}),
  });
  if (!response.ok) {
    askToLogIn('That admin token was refused.');
    return;
  }
  loggedIn = true;
  byId('token-form').hidden = true;
  notice('');
  const waiting = afterLogin;
  afterLogin = [];
  for (const action of waiting) action();
}

async function logOut() {
  await fetch('/api/session', {method: 'DELETE'});
  window.location.reload();
}

// POST (or `method`) as the admin (the session cookie); the parsed answer, or null when it
// failed (the notice says why).
async function postAsAdmin(path, body, method = 'POST') {
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
    askToLogIn('The session ended: log in again, then repeat the action.');
    return null;
  }
  if (!response.ok) {
    notice(`${path} failed: HTTP ${response.status}`);
    return null;
  }
  notice('');
  return response.json();
}

async function setAutomation() {
  const answer = await postAsAdmin('/api/automation/toggle', {enabled: !automationEnabled});
  if (answer) renderAutomation(answer.enabled);
}

function renderThresholds(thresholds) {
  const form = byId('rules-form');
  for (const [severity, value] of Object.entries(thresholds || {})) {
    const input = form.elements.namedItem(severity);
    // Never overwrite what the admin is typing.
    if (input && document.activeElement !== input) input.value = String(value);
  }
}

async function saveThresholds(event) {
  event.preventDefault();
  const form = byId('rules-form');
  const thresholds = {};
  for (const input of form.querySelectorAll('input')) thresholds[input.name] = Number(input.value);
  const answer = await postAsAdmin('/api/automation/rules', {thresholds}, 'PUT');
  if (answer) {
    renderThresholds(answer.thresholds);
    notice('Thresholds saved.');
  }
}

async function redrive() {
  const answer = await postAsAdmin('/api/jira/redrive', {});
  if (answer) {
    notice(`${answer.redriven} ticket job(s) sent back to the queue.`);
    scheduleStatusRefresh();
  }
}

function start() {
  byId('automation-toggle').addEventListener('click', setAutomation);
  byId('redrive').addEventListener('click', redrive);
  byId('jira-test').addEventListener('click', testJira);
  byId('log-out').addEventListener('click', logOut);
  byId('token-form').addEventListener('submit', onLogIn);
  byId('rules-form').addEventListener('submit', saveThresholds);
  whenLoggedIn(() => {
    connect();
    refreshStatus();
    setInterval(refreshStatus, STATUS_REFRESH_MS);
  });
}

start();
