// The Jira configuration tab: the settings in force (never the token) and Test connection,
// which reports each check (credentials, server, project, create permission) on its own line.

import {getJson} from './api.js';
import {byId, formatCount, textNode} from './dom.js';

function renderSettings(jira) {
  const priorities = Object.entries(jira.priority_map || {})
    .map(([severity, priority]) => `${severity} → ${priority}`)
    .join(', ');
  const rows = [
    ['Status', jira.configured ? 'Configured' : 'Not configured'],
    ['Jira URL', jira.url || '—'],
    ['Project', jira.project || '—'],
    ['User', jira.user || '—'],
    ['Issue type', jira.issue_type || '—'],
    ['Priorities', priorities || '—'],
    ['API token', jira.configured ? 'Stored (never shown)' : 'Not set'],
    ['Dead-lettered jobs', formatCount(jira.dead_letter_jobs)],
  ];
  byId('jira-settings').replaceChildren(
    ...rows.map(([label, value]) => {
      const item = document.createElement('div');
      item.append(textNode('dt', '', label), textNode('dd', '', value));
      return item;
    }),
  );
  byId('jira-settings').dataset.configured = String(Boolean(jira.configured));
}

export async function refreshJira() {
  try {
    renderSettings(await getJson('/api/jira/status'));
  } catch (error) {
    byId('jira-state').textContent = `Jira settings unavailable: ${error.message}`;
  }
}

async function testConnection() {
  const state = byId('jira-state');
  const button = byId('jira-test');
  state.textContent = 'Testing…';
  state.dataset.result = 'testing';
  button.disabled = true;
  try {
    const jira = await getJson('/api/jira/status?test=1');
    renderSettings(jira);
    const checks = jira.checks || [];
    byId('jira-checks').replaceChildren(
      ...checks.map((check) => {
        const item = document.createElement('li');
        item.className = check.ok ? 'ok' : 'failed';
        item.append(
          textNode('span', 'check-mark', check.ok ? '✓' : '✗'),
          textNode('span', 'check-name', check.check),
          textNode('span', 'check-detail', check.detail),
        );
        return item;
      }),
    );
    const failed = checks.find((check) => !check.ok);
    if (!jira.reachable) {
      state.textContent = `Not reachable: ${jira.account}`;
    } else if (failed) {
      state.textContent = `The ${failed.check} check failed.`;
    } else {
      state.textContent = `Ready: issues open as ${jira.account}.`;
    }
    state.dataset.result = !failed && jira.reachable ? 'ok' : 'failed';
  } catch (error) {
    state.textContent = `Test failed: ${error.message}`;
    state.dataset.result = 'failed';
  } finally {
    button.disabled = false;
  }
}

export function setUpJira() {
  byId('jira-test').addEventListener('click', testConnection);
}
