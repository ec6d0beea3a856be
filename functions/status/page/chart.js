// Errors per minute by severity as stacked SVG bars: no library, and every label is text.

const SVG = 'http://www.w3.org/2000/svg';
export const STACK = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'OTHER'];
const COLOURS = {
  CRITICAL: 'var(--critical)',
  HIGH: 'var(--high)',
  MEDIUM: 'var(--medium)',
  LOW: 'var(--low)',
  OTHER: 'var(--unknown)',
};
const WIDTH = 720;
const HEIGHT = 250;
const MARGIN = {top: 12, right: 8, bottom: 26, left: 40};

function svgNode(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text != null) node.textContent = String(text);
  return node;
}

// 0, 1, 2, 5, 10, 20, 50 … so the gridlines land on round numbers.
function niceStep(maximum, lines) {
  const rough = Math.max(1, maximum / lines);
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * power >= rough) return factor * power;
  }
  return 10 * power;
}

function minuteLabel(iso) {
  return new Date(iso).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
}

function total(bucket) {
  return STACK.reduce((sum, severity) => sum + (bucket[severity] || 0), 0);
}

export function renderLegend(list) {
  list.replaceChildren(
    ...STACK.slice(0, 4).map((severity) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = COLOURS[severity];
      item.append(swatch, document.createTextNode(severity));
      return item;
    }),
  );
}

export function renderChart(container, buckets) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = buckets.map(total);
  const peak = Math.max(0, ...totals);
  const step = niceStep(peak, 4);
  const top = Math.max(step, Math.ceil(peak / step) * step);
  const y = (value) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const slot = plotWidth / Math.max(1, buckets.length);
  const barWidth = Math.max(1, slot * 0.72);

  const sum = totals.reduce((a, b) => a + b, 0);
  const peakAt = buckets[totals.indexOf(peak)];
  const summary = sum
    ? `${sum} errors in the last hour; at most ${peak} a minute, at ${minuteLabel(peakAt.minute)}.`
    : 'No errors in the last hour.';
  const svg = svgNode('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': `Errors per minute by severity. ${summary}`,
  });
  svg.append(svgNode('title', {}, `Errors per minute by severity. ${summary}`));

  for (let value = 0; value <= top; value += step) {
    svg.append(
      svgNode('line', {
        x1: MARGIN.left,
        x2: WIDTH - MARGIN.right,
        y1: y(value),
        y2: y(value),
        class: value === 0 ? 'axis' : 'gridline',
      }),
      svgNode('text', {x: MARGIN.left - 6, y: y(value) + 4, class: 'tick', 'text-anchor': 'end'}, value),
    );
  }

  buckets.forEach((bucket, index) => {
    const x = MARGIN.left + index * slot + (slot - barWidth) / 2;
    const group = svgNode('g', {class: 'bar', 'data-minute': bucket.minute});
    const parts = STACK.filter((severity) => bucket[severity]).map(
      (severity) => `${severity} ${bucket[severity]}`,
    );
    group.append(svgNode('title', {}, `${minuteLabel(bucket.minute)}: ${parts.join(', ') || 'none'}`));
    // A full-height hit area so the tooltip shows on quiet minutes too.
    group.append(svgNode('rect', {x: MARGIN.left + index * slot, y: MARGIN.top, width: slot, height: plotHeight, class: 'hit'}));
    let base = 0;
    for (const severity of STACK) {
      const count = bucket[severity] || 0;
      if (!count) continue;
      group.append(
        svgNode('rect', {
          x,
          y: y(base + count),
          width: barWidth,
          height: Math.max(0.5, y(base) - y(base + count)),
          fill: COLOURS[severity],
          'data-severity': severity,
        }),
      );
      base += count;
    }
    svg.append(group);
    if (index % 10 === 0 || index === buckets.length - 1) {
      svg.append(
        svgNode('text', {x: x + barWidth / 2, y: HEIGHT - 8, class: 'tick', 'text-anchor': 'middle'},
          index === buckets.length - 1 ? 'now' : minuteLabel(bucket.minute)),
      );
    }
  });
  container.replaceChildren(svg);
  container.dataset.total = String(sum);
}
