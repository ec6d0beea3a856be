// The status page's entry: the login, the five tabs and what refreshes when. Each tab is its
// own module; the live stream runs whatever tab is shown, so nothing is missed.

import {hasSession, logIn, logOut, notice, whenSessionEnds} from './api.js';
import {byId} from './dom.js';
import {refreshHistory, setUpHistory} from './history.js';
import {refreshJira, setUpJira} from './jira.js';
import {connect, onFeed, setUpLive} from './live.js';
import {refreshOverview, setUpOverview} from './overview.js';
import {refreshAutomation, refreshRules, setUpRules} from './rules.js';
import {setUpTabs} from './tabs.js';

const STATUS_REFRESH_MS = 15000;
// Feed events come in bursts: the shown tab is refreshed at most this often because of them.
const EVENT_REFRESH_MS = 1500;
const REFRESH = {
  overview: refreshOverview,
  live: refreshAutomation,
  rules: refreshRules,
  history: refreshHistory,
  jira: refreshJira,
};

let loggedIn = false;
let afterLogin = [];
let tabs = null;
let eventRefreshTimer = null;

function refreshShownTab() {
  if (tabs) REFRESH[tabs.current()]();
}

function askToLogIn(reason) {
  loggedIn = false;
  notice(reason);
  byId('app').hidden = true;
  byId('log-out').hidden = true;
  byId('token-form').hidden = false;
  byId('admin-token').focus();
}

// Run `action` now if the session is open, else once the admin has logged in.
async function whenLoggedIn(action) {
  if (!loggedIn) loggedIn = await hasSession();
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
  if (!(await logIn(token))) {
    askToLogIn('That admin token was refused.');
    return;
  }
  loggedIn = true;
  notice('');
  const waiting = afterLogin;
  afterLogin = [];
  for (const action of waiting) action();
}

function showApp() {
  byId('token-form').hidden = true;
  byId('app').hidden = false;
  byId('log-out').hidden = false;
  if (!tabs) {
    tabs = setUpTabs(document.querySelector('[role="tablist"]'), (name) => REFRESH[name]());
  }
  refreshAutomation();
}

function start() {
  setUpLive();
  setUpOverview();
  setUpRules();
  setUpHistory();
  setUpJira();
  byId('token-form').addEventListener('submit', onLogIn);
  byId('log-out').addEventListener('click', async () => {
    await logOut();
    window.location.reload();
  });
  whenSessionEnds((reason) => {
    if (loggedIn) {
      afterLogin.push(showApp);
      askToLogIn(reason);
    }
  });
  onFeed(() => {
    if (eventRefreshTimer === null && tabs && tabs.current() !== 'live') {
      eventRefreshTimer = setTimeout(() => {
        eventRefreshTimer = null;
        if (tabs.current() !== 'history') refreshShownTab(); // never page under the reader
      }, EVENT_REFRESH_MS);
    }
  });
  whenLoggedIn(() => {
    showApp();
    connect(whenLoggedIn);
    // The history is reloaded only when asked: a page must not change under its reader.
    setInterval(() => {
      if (loggedIn && tabs.current() !== 'history') refreshShownTab();
    }, STATUS_REFRESH_MS);
  });
}

start();
