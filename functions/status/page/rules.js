// The automation rules tab: the switch, the thresholds per severity, and what the automation did.

import {getJson, notice, sendAsAdmin, turns} from './api.js';
import {ago, byId, formatCount, showEmpty, textNode} from './dom.js';

const CHANGES_SHOWN = 4;

// The counts the issue asks for, in its order: decide's actions, then the ticket jobs that
// used up their tries (the dead-letter queue).
const COUNTS = [
  ['create', 'Created'],
  ['update', 'Updated'],
  ['reopen', 'Reopened'],
  ['skip', 'Skipped'],
  ['suppress', 'Suppressed'],
  ['failed', 'Failed'],
];

let automationEnabled = null;

export function renderAutomation(enabled) {
  automationEnabled = Boolean(enabled);
  const word = automationEnabled ? 'on' : 'off';
  const pill = byId('automation-state');
  pill.textContent = `Automation ${word}`;
  pill.dataset.enabled = String(automationEnabled);
  const button = byId('automation-toggle');
  button.querySelector('.switch-label').textContent = `Automation ${word}`;
  button.dataset.enabled = String(automationEnabled);
  button.setAttribute('aria-checked', String(automationEnabled));
}

function renderThresholds(thresholds) {
  const form = byId('rules-form');
  for (const [severity, value] of Object.entries(thresholds || {})) {
    const input = form.elements.namedItem(severity);
    // Never overwrite what the admin is typing.
    if (input && document.activeElement !== input) input.value = String(value);
  }
}

function renderCounts(decisions, failedJobs, outcomes) {
  const counts = {...decisions, failed: failedJobs};
  byId('decision-counts').replaceChildren(
    ...COUNTS.map(([action, label]) => {
      const item = document.createElement('div');
      item.className = 'count-item';
      item.dataset.action = action;
      const value = textNode('dd', '', formatCount(counts[action]));
      value.dataset.testid = `count-${action}`;
      item.append(textNode('dt', '', label), value);
      return item;
    }),
  );
  const parts = Object.entries(outcomes || {}).map(([action, count]) => `${action} ${count}`);
  byId('ticket-outcomes').textContent = parts.length
    ? `In Jira, last hour: ${parts.join(' · ')}. Failed counts ticket jobs in the dead-letter queue.`
    : 'No Jira activity in the last hour. Failed counts ticket jobs in the dead-letter queue.';
}

// The switch and the thresholds as a refresh read them, or as a change answered: a refresh
// sent before the reader's change and answered after it must not switch the pill back.
const automationViews = turns();

export async function refreshAutomation() {
  const latest = automationViews();
  try {
    const automation = await getJson('/api/automation/status');
    if (!latest()) return;
    renderAutomation(automation.enabled);
    renderThresholds(automation.thresholds);
  } catch (error) {
    if (latest()) byId('automation-state').textContent = 'Automation unknown';
  }
}

function describeChange(entry) {
  if (entry.what === 'automation') return `Automation switched ${entry.after ? 'on' : 'off'}`;
  if (entry.what === 'thresholds' && entry.after && typeof entry.after === 'object') {
    const before = entry.before || {};
    const changed = Object.entries(entry.after)
      .filter(([severity, value]) => before[severity] !== value)
      .map(([severity, value]) => `${severity} ${before[severity] ?? '—'} → ${value}`);
    return `Thresholds: ${changed.join(', ') || 'unchanged'}`;
  }
  return String(entry.what);
}

async function refreshChanges() {
  const {entries} = await getJson('/api/audit');
  const list = byId('rules-audit');
  list.replaceChildren(
    ...entries.slice(0, CHANGES_SHOWN).map((entry) => {
      const item = document.createElement('li');
      item.append(textNode('span', '', describeChange(entry)), textNode('span', 'meta', `${ago(entry.at)} · ${entry.who}`));
      return item;
    }),
  );
  showEmpty(list, byId('rules-audit-empty'));
}

export async function refreshRules() {
  await refreshAutomation();
  refreshChanges().catch((error) => notice(`Could not load the changes: ${error.message}`));
  try {
    const stats = await getJson('/api/stats');
    renderCounts(stats.decisions, stats.failed_jobs, stats.ticket_outcomes);
  } catch (error) {
    notice(`Could not load the counts: ${error.message}`);
  }
}

async function toggleAutomation() {
  automationViews(); // what a refresh on its way says is older than this change
  const answer = await sendAsAdmin('/api/automation/toggle', {enabled: !automationEnabled});
  if (answer) {
    renderAutomation(answer.enabled);
    refreshChanges();
  }
}

async function saveThresholds(event) {
  event.preventDefault();
  const form = byId('rules-form');
  const thresholds = {};
  for (const input of form.querySelectorAll('input')) thresholds[input.name] = Number(input.value);
  byId('rules-saved').textContent = '';
  automationViews();
  const answer = await sendAsAdmin('/api/automation/rules', {thresholds}, 'PUT');
  if (answer) {
    renderThresholds(answer.thresholds);
    byId('rules-saved').textContent = 'Thresholds saved.';
    notice('Thresholds saved.', 'info');
    refreshChanges();
  }
}

export function setUpRules() {
  byId('automation-toggle').addEventListener('click', toggleAutomation);
  byId('rules-form').addEventListener('submit', saveThresholds);
}
