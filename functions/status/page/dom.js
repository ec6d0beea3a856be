// Small DOM helpers. Everything from the server is set with textContent, never as markup:
// a log line is data, whatever characters it holds.

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const SEVERITY_CLASS = {CRITICAL: 'sev-critical', HIGH: 'sev-high', MEDIUM: 'sev-medium', LOW: 'sev-low'};

export const byId = (id) => document.getElementById(id);

export function textNode(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text == null ? '' : String(text);
  return node;
}

export function severityBadge(severity) {
  const label = severity ? String(severity) : '?';
  const badge = textNode('span', 'badge', label);
  badge.classList.add(SEVERITY_CLASS[label] || 'sev-unknown');
  badge.dataset.testid = 'severity';
  return badge;
}

export function formatTime(value, withDate = false) {
  const moment = new Date(value);
  if (!value || Number.isNaN(moment.getTime())) return value ? String(value) : '—';
  if (!withDate) return moment.toLocaleTimeString();
  return moment.toLocaleString([], {dateStyle: 'medium', timeStyle: 'medium'});
}

export function clockTime(value, withDate = false) {
  const node = textNode('time', '', formatTime(value, withDate));
  if (value) node.dateTime = String(value);
  return node;
}

// "12 s ago", "5 min ago": how fresh a heartbeat is, at a glance.
export function ago(value, now = Date.now()) {
  const moment = new Date(value).getTime();
  if (!value || Number.isNaN(moment)) return 'never';
  const seconds = Math.max(0, Math.round((now - moment) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

// Only http(s) links: a javascript: URL in an event must not become a clickable script.
export function safeUrl(value) {
  if (!value) return null;
  try {
    const url = new URL(String(value), window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function issueLink(key, url) {
  const href = safeUrl(url);
  const node = document.createElement(href ? 'a' : 'span');
  node.className = 'key';
  node.textContent = String(key || '—');
  if (href) {
    node.href = href;
    node.target = '_blank';
    node.rel = 'noopener noreferrer';
  }
  return node;
}

export function formatCount(value) {
  return Number(value || 0).toLocaleString();
}

export function cell(content, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  if (content instanceof Node) td.append(content);
  else td.textContent = content == null ? '' : String(content);
  return td;
}

export function showEmpty(list, emptyNote) {
  emptyNote.hidden = list.children.length > 0;
}
