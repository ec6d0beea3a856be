// The history and audit tab: every group, ticket and decision, filtered on the server and paged
// newest first with its cursor; the same filters give the CSV and JSON exports.

import {getJson, markWrongButton, notice, turns} from './api.js';
import {byId, cell, formatCount, formatTime, issueLink, severityBadge, textNode} from './dom.js';

const PAGE_SIZE = 25;
const TITLES = {decisions: 'Decisions', groups: 'Groups', tickets: 'Tickets'};

function confidence(row) {
  const fmt = (value) => (typeof value === 'number' ? value.toFixed(2) : '—');
  return `${fmt(row.confidence)} / ${fmt(row.threshold)}`;
}

function problem(text) {
  return textNode('span', 'message', text || '—');
}

// Each kind's columns: header and how a row's cell is made.
const COLUMNS = {
  decisions: [
    ['Decided', (row) => formatTime(row.decided_at, true)],
    ['Action', (row) => textNode('span', `action-tag action-${row.action}`, row.action)],
    ['Severity', (row) => severityBadge(row.severity)],
    ['Confidence / threshold', confidence, 'num'],
    ['Reason', (row) => row.reason, 'wide'],
    ['Problem', (row) => problem(row.template), 'wide'],
    ['Feedback', (row) => markWrongButton(row.fingerprint, row.decision_key)],
  ],
  groups: [
    ['Last seen', (row) => formatTime(row.last_seen, true)],
    ['Severity', (row) => severityBadge(row.severity)],
    ['Problem', (row) => problem(row.template), 'wide'],
    ['Category', (row) => row.category || '—'],
    ['Count', (row) => formatCount(row.count), 'num'],
    ['Hosts', (row) => (row.hosts || []).join(', ') + (row.more_hosts ? ' and more' : '')],
    ['Ticket', (row) => row.ticket || '—'],
  ],
  tickets: [
    ['Opened', (row) => formatTime(row.at, true)],
    ['Issue', (row) => issueLink(row.jira_key || 'creating…', row.url)],
    ['Status', (row) => textNode('span', `status-tag status-${row.status}`, row.status)],
    ['Severity', (row) => severityBadge(row.severity)],
    ['Problem', (row) => problem(row.template), 'wide'],
    ['Last comment', (row) => formatTime(row.last_comment_at, true)],
  ],
};

const state = {kind: 'decisions', query: new URLSearchParams(), cursors: [null]};

function filterQuery() {
  const form = byId('history-filters');
  const query = new URLSearchParams();
  const kind = form.elements.kind.value;
  const names = ['q', 'severity', ...(kind === 'decisions' ? ['action'] : []), ...(kind === 'tickets' ? ['status'] : [])];
  for (const name of names) {
    const value = form.elements[name].value.trim();
    if (value) query.set(name, value);
  }
  const hours = Number(form.elements.period.value);
  if (hours) query.set('since', new Date(Date.now() - hours * 3600 * 1000).toISOString());
  return {kind, query};
}

function showKindFields(kind) {
  for (const field of byId('history-filters').querySelectorAll('[data-only]')) {
    field.hidden = field.dataset.only !== kind;
  }
}

function exportHref(format) {
  const query = new URLSearchParams(state.query);
  query.set('format', format);
  return `/api/export/${state.kind}?${query}`;
}

function renderTable(items) {
  const table = byId('history-table');
  const columns = COLUMNS[state.kind];
  const head = document.createElement('tr');
  for (const [title, , className] of columns) {
    const th = textNode('th', className || '', title);
    th.scope = 'col';
    head.append(th);
  }
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(
    ...items.map((row) => {
      const tr = document.createElement('tr');
      tr.dataset.testid = 'history-row';
      tr.dataset.key = String(state.kind === 'decisions' ? row.decision_key : row.fingerprint);
      for (const [title, make, className] of columns) {
        const td = cell(make(row), className);
        td.dataset.label = title; // the heading of a stacked row on a narrow screen
        tr.append(td);
      }
      return tr;
    }),
  );
  byId('history-empty').hidden = items.length > 0;
}

// Loads overlap when the reader changes the kind, a filter or the page before an answer came:
// an earlier one answered last would show another kind's rows, or another page, under the
// title and filters the reader chose.
const pageLoads = turns();

async function loadPage() {
  const latest = pageLoads();
  const query = new URLSearchParams(state.query);
  query.set('limit', String(PAGE_SIZE));
  const cursor = state.cursors[state.cursors.length - 1];
  if (cursor) query.set('cursor', cursor);
  const table = byId('history-table');
  table.setAttribute('aria-busy', 'true');
  try {
    const page = await getJson(`/api/history/${state.kind}?${query}`);
    if (!latest()) return;
    renderTable(page.items);
    byId('history-title').textContent = TITLES[state.kind];
    byId('history-page').textContent = `Page ${state.cursors.length}`;
    byId('history-newer').disabled = state.cursors.length === 1;
    byId('history-older').disabled = !page.next_cursor;
    byId('history-older').dataset.cursor = page.next_cursor || '';
    byId('export-csv').href = exportHref('csv');
    byId('export-json').href = exportHref('json');
  } catch (error) {
    if (latest()) notice(`Could not load the history: ${error.message}`);
  } finally {
    if (latest()) table.removeAttribute('aria-busy');
  }
}

function describe(value) {
  if (value == null) return '—';
  if (typeof value === 'object') {
    return Object.entries(value).map(([key, each]) => `${key} ${each}`).join(', ');
  }
  return String(value);
}

async function loadAudit() {
  try {
    const {entries} = await getJson('/api/audit');
    byId('audit').tBodies[0].replaceChildren(
      ...entries.map((entry) => {
        const tr = document.createElement('tr');
        const cells = [
          ['When', cell(formatTime(entry.at, true))],
          ['What', cell(entry.what)],
          ['Before', cell(describe(entry.before), 'small-text')],
          ['After', cell(describe(entry.after), 'small-text')],
          ['Who', cell(entry.who)],
        ];
        for (const [label, td] of cells) td.dataset.label = label;
        tr.append(...cells.map(([, td]) => td));
        return tr;
      }),
    );
    byId('audit-empty').hidden = entries.length > 0;
    byId('audit').hidden = entries.length === 0;
  } catch (error) {
    notice(`Could not load the audit: ${error.message}`);
  }
}

function apply(event) {
  if (event) event.preventDefault();
  const {kind, query} = filterQuery();
  state.kind = kind;
  state.query = query;
  state.cursors = [null];
  loadPage();
}

export function refreshHistory() {
  loadPage();
  loadAudit();
}

export function setUpHistory() {
  const form = byId('history-filters');
  form.addEventListener('submit', apply);
  form.addEventListener('reset', () => setTimeout(() => {
    showKindFields(form.elements.kind.value);
    apply();
  }));
  form.elements.kind.addEventListener('change', () => {
    showKindFields(form.elements.kind.value);
    apply();
  });
  for (const name of ['severity', 'action', 'status', 'period']) {
    form.elements[name].addEventListener('change', () => apply());
  }
  byId('history-older').addEventListener('click', () => {
    state.cursors.push(byId('history-older').dataset.cursor);
    loadPage();
  });
  byId('history-newer').addEventListener('click', () => {
    state.cursors.pop();
    loadPage();
  });
  showKindFields(form.elements.kind.value);
  byId('export-csv').href = exportHref('csv');
  byId('export-json').href = exportHref('json');
}
