// The five tabs as an ARIA tablist: arrow keys move between tabs (and show them), Home and End
// jump to the ends, only the selected tab is in the Tab order, the URL's #hash remembers it.

export function setUpTabs(tablist, onShow) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];

  function select(tab, focus = true) {
    for (const each of tabs) {
      const selected = each === tab;
      each.setAttribute('aria-selected', String(selected));
      each.tabIndex = selected ? 0 : -1;
      document.getElementById(each.getAttribute('aria-controls')).hidden = !selected;
    }
    if (focus) tab.focus();
    if (window.location.hash !== `#${tab.dataset.tab}`) {
      history.replaceState(null, '', `#${tab.dataset.tab}`);
    }
    onShow(tab.dataset.tab);
  }

  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) select(tab);
  });
  tablist.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(document.activeElement);
    if (index < 0) return;
    const moves = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    select(tabs[moves[event.key]]);
  });

  const fromHash = tabs.find((tab) => `#${tab.dataset.tab}` === window.location.hash);
  select(fromHash || tabs[0], false);
  return {
    current: () => tabs.find((tab) => tab.getAttribute('aria-selected') === 'true').dataset.tab,
  };
}
