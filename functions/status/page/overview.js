// The integration status tab: summary cards, the errors-per-minute chart, top groups, every
// shipper with its start and pause buttons, and the last 10 errors and tickets.

import {getJson, notice, sendAsAdmin, turns} from './api.js';
import {renderChart, renderLegend} from './chart.js';
import {
  ago,
  byId,
  cell,
  clockTime,
  formatCount,
  issueLink,
  severityBadge,
  showEmpty,
  textNode,
} from './dom.js';

function renderCards(stats, automation, hosts, jira) {
  const online = hosts.filter((host) => host.online).length;
  byId('card-shippers').textContent = `${online} / ${hosts.length}`;
  const errors = stats.errors_per_minute.reduce(
    (sum, bucket) => sum + Object.entries(bucket).reduce((s, [k, v]) => (k === 'minute' ? s : s + v), 0),
    0,
  );
  byId('card-errors').textContent = formatCount(errors);
  byId('card-tickets').textContent = formatCount(automation.tickets);
  byId('card-automation').textContent = automation.enabled ? 'On' : 'Off';
  byId('card-automation').dataset.enabled = String(Boolean(automation.enabled));
  const dead = jira.dead_letter_jobs ?? stats.failed_jobs ?? 0;
  byId('dead-letters').textContent = formatCount(dead);
  byId('dead-letters').dataset.count = String(dead);
  byId('redrive').hidden = dead === 0;
}

function renderTopGroups(groups) {
  const list = byId('top-groups');
  const most = Math.max(1, ...groups.map((group) => group.occurrences));
  list.replaceChildren(
    ...groups.map((group) => {
      const item = document.createElement('li');
      item.dataset.fingerprint = String(group.fingerprint);
      const bar = document.createElement('span');
      bar.className = 'top-bar';
      bar.style.width = `${Math.round((group.occurrences / most) * 100)}%`;
      bar.setAttribute('aria-hidden', 'true');
      item.append(
        severityBadge(group.severity),
        textNode('span', 'message', group.template || group.message),
        textNode('span', 'count', formatCount(group.occurrences)),
        bar,
      );
      return item;
    }),
  );
  showEmpty(list, byId('top-empty'));
}

function renderShippers(hosts) {
  const body = byId('shippers').tBodies[0];
  body.replaceChildren(
    ...hosts.map((host) => {
      const row = document.createElement('tr');
      row.dataset.host = String(host.host_id);
      const files = (host.files || []).map((file) => (typeof file === 'string' ? file : file.path || JSON.stringify(file)));
      const connection = textNode('span', `status-dot ${host.online ? 'online' : 'offline'}`, host.online ? 'online' : 'offline');
      const paused = host.desired_state === 'paused';
      const state = textNode('span', `state ${paused ? 'paused' : 'running'}`, paused ? 'paused' : 'running');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'small';
      button.textContent = paused ? 'Start' : 'Pause';
      button.setAttribute('aria-label', `${paused ? 'Start' : 'Pause'} shipping on ${host.host_id}`);
      button.addEventListener('click', () => setShipper(paused ? 'start' : 'stop', host.host_id));
      const heartbeat = document.createElement('span');
      heartbeat.append(textNode('span', '', ago(host.last_heartbeat)));
      heartbeat.title = String(host.last_heartbeat || 'never');
      row.append(
        cell(host.host_id, 'mono'),
        cell(host.store || '—'),
        cell(files.join(', ') || '—', 'mono small-text'),
        cell(heartbeat),
        cell(connection),
        cell(state),
        cell(button, 'right'),
      );
      return row;
    }),
  );
  byId('shippers-empty').hidden = hosts.length > 0;
}

async function setShipper(action, hostId) {
  const body = hostId ? {host_id: hostId} : {};
  const answer = await sendAsAdmin(`/api/watcher/${action}`, body);
  if (answer) {
    const who = hostId || `${answer.hosts.length} shipper(s)`;
    notice(`${who}: ${answer.desired_state}. Shippers follow at their next heartbeat.`, 'info');
    refreshOverview();
  }
}

function renderRecentErrors(groups) {
  const list = byId('recent-errors');
  list.replaceChildren(
    ...groups.map((group) => {
      const item = document.createElement('li');
      item.append(
        severityBadge(group.severity),
        textNode('span', 'message', group.message || group.template),
        textNode('span', 'count', `×${formatCount(group.count)}`),
        textNode('span', 'meta', [group.category, (group.hosts || []).join(' ') + (group.more_hosts ? ' …' : ''), group.ticket].filter(Boolean).join(' · ')),
        clockTime(group.last_seen),
      );
      return item;
    }),
  );
  showEmpty(list, byId('recent-errors-empty'));
}

function renderRecentTickets(tickets) {
  const list = byId('recent-tickets');
  list.replaceChildren(
    ...tickets.map((ticket) => {
      const item = document.createElement('li');
      const title = document.createElement('span');
      title.className = 'ticket-title';
      title.append(issueLink(ticket.jira_key || 'creating…', ticket.url), textNode('span', 'summary', ticket.template));
      const comment = ticket.last_comment_at ? ` · last comment ${ago(ticket.last_comment_at)}` : '';
      item.append(
        severityBadge(ticket.severity),
        title,
        textNode('span', `status-tag status-${ticket.status}`, ticket.status),
        textNode('span', 'meta', `opened ${ago(ticket.at)}${comment}`),
        clockTime(ticket.at),
      );
      return item;
    }),
  );
  showEmpty(list, byId('recent-tickets-empty'));
}

// A refresh asked for by an event can overlap the one before it.
const overviewLoads = turns();

export async function refreshOverview() {
  const latest = overviewLoads();
  try {
    const [stats, automation, watchers, groups, tickets, jira] = await Promise.all([
      getJson('/api/stats'),
      getJson('/api/automation/status'),
      getJson('/api/watcher/status'),
      getJson('/api/groups?limit=10'),
      getJson('/api/history/tickets?limit=10'),
      getJson('/api/jira/status'),
    ]);
    if (!latest()) return;
    renderCards(stats, automation, watchers.hosts, jira);
    renderChart(byId('errors-chart'), stats.errors_per_minute);
    renderTopGroups(stats.top_groups);
    renderShippers(watchers.hosts);
    renderRecentErrors(groups.groups);
    renderRecentTickets(tickets.items);
  } catch (error) {
    notice(`Could not load the status: ${error.message}`);
  }
}

async function redrive() {
  const answer = await sendAsAdmin('/api/jira/redrive', {});
  if (answer) {
    notice(`${answer.redriven} ticket job(s) sent back to the queue.`, 'info');
    refreshOverview();
  }
}

export function setUpOverview() {
  renderLegend(byId('chart-legend'));
  byId('redrive').addEventListener('click', redrive);
  byId('shippers-start-all').addEventListener('click', () => setShipper('start'));
  byId('shippers-stop-all').addEventListener('click', () => setShipper('stop'));
}
