// The results dashboard: reads GET /api/summary (same filters as the exports) and draws it with
// chart.js. Every text from answers goes in through textContent.
import Chart from 'chart.js/auto';

(() => {
  const colors = { bad: '#ef4444', ok: '#f59e0b', good: '#22c55e', nps: '#2563eb', csat: '#16a34a', ces: '#9333ea' };
  // Band limits per type, as in the CONTRACT's built-in surveys.
  const bandOf = (type, score) => {
    const [ok, good] = { nps: [7, 9], csat: [3, 4], ces: [4, 5] }[type];
    return score >= good ? 'good' : score >= ok ? 'ok' : 'bad';
  };
  const form = document.getElementById('filters');
  const charts = {};
  function append(node, children) { node.append(...children.filter((c) => c !== null && c !== undefined)); return node; }
  const when = (iso) => new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

  function query() {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) params.set(key, String(value));
    return params.toString();
  }

  function card(id, metric, { value, good, ok, detail }) {
    const root = document.getElementById(id);
    const big = root.querySelector('[data-value]');
    big.textContent = metric.score === null ? '–' : value(metric.score);
    big.className = 'big ' + (metric.score === null ? '' : metric.score >= good ? 'good' : metric.score >= ok ? 'ok' : 'bad');
    root.querySelector('[data-count]').textContent = `${metric.responses} ${metric.responses === 1 ? 'response' : 'responses'}${detail ? ` · ${detail}` : ''}`;
    const total = metric.responses || 1;
    const [bad, mid, top] = root.querySelectorAll('[data-bands] span');
    bad.style.width = `${(metric.bands.detractor / total) * 100}%`;
    mid.style.width = `${(metric.bands.passive / total) * 100}%`;
    top.style.width = `${(metric.bands.promoter / total) * 100}%`;
    const names = id === 'card-nps' ? ['detractors', 'passives', 'promoters'] : id === 'card-csat' ? ['unsatisfied', 'neutral', 'satisfied'] : ['difficult', 'neutral', 'easy'];
    const legend = root.querySelector('[data-legend]');
    legend.replaceChildren();
    [['bad', metric.bands.detractor], ['ok', metric.bands.passive], ['good', metric.bands.promoter]].forEach(([band, count], i) => {
      const dot = document.createElement('i');
      dot.style.background = colors[band];
      legend.append(dot, `${count} ${names[i]}`);
    });
  }

  function draw(id, config) {
    if (charts[id]) {
      charts[id].data = config.data;
      charts[id].update();
    } else charts[id] = new Chart(document.getElementById(id), config);
  }

  function distribution(type, rows) {
    draw(`dist-${type}`, {
      type: 'bar',
      data: { labels: rows.map((r) => String(r.score)), datasets: [{ label: 'answers', data: rows.map((r) => r.count), backgroundColor: rows.map((r) => colors[bandOf(type, r.score)]), borderRadius: 6 }] },
      options: { maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#eef0f3' } }, x: { grid: { display: false } } } },
    });
  }

  function trend(weeks) {
    const label = (week) => new Date(`${week}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const line = (type, name, axis) => ({
      label: name, yAxisID: axis, data: weeks.map((w) => w[type].score), borderColor: colors[type], backgroundColor: colors[type],
      cubicInterpolationMode: 'monotone', spanGaps: true, pointRadius: 3, borderWidth: 2.5,
    });
    draw('trend', {
      type: 'line',
      data: { labels: weeks.map((w) => label(w.week)), datasets: [line('nps', 'NPS', 'y'), line('csat', 'CSAT %', 'y'), line('ces', 'CES (1–7)', 'ces')] },
      options: {
        maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
        scales: {
          y: { min: -100, max: 100, title: { display: true, text: 'NPS · CSAT %' }, grid: { color: '#eef0f3' } },
          ces: { position: 'right', min: 1, max: 7, title: { display: true, text: 'CES' }, grid: { display: false } },
          x: { grid: { display: false } },
        },
      },
    });
  }

  function list(id, items, empty, extra) {
    const root = document.getElementById(id);
    root.replaceChildren();
    if (!items.length) return root.append(append(document.createElement('li'), [Object.assign(document.createElement('span'), { className: 'empty', textContent: empty })]));
    for (const item of items) {
      const score = Object.assign(document.createElement('span'), { className: `score ${bandOf(item.type, item.score)}`, textContent: String(item.score) });
      const text = item.comment ? Object.assign(document.createElement('q'), { textContent: item.comment }) : Object.assign(document.createElement('span'), { className: 'muted', textContent: 'no comment' });
      text.lang = item.locale;
      const meta = Object.assign(document.createElement('span'), { className: 'meta', textContent: [item.type.toUpperCase(), item.survey, when(item.answeredAt), ...extra(item)].filter(Boolean).join(' · ') });
      root.append(append(document.createElement('li'), [score, append(document.createElement('div'), [text]), meta]));
    }
  }

  async function refresh() {
    const qs = query();
    document.getElementById('export-csv').href = `/api/responses.csv${qs ? `?${qs}` : ''}`;
    document.getElementById('export-json').href = `/api/responses.json${qs ? `?${qs}` : ''}`;
    const status = document.getElementById('status');
    try {
      const response = await fetch(`/api/summary${qs ? `?${qs}` : ''}`, { cache: 'no-store' });
      const summary = await response.json();
      if (!response.ok) throw new Error(summary.problems?.join('; ') ?? response.statusText);
      const select = form.elements.survey;
      const chosen = select.value;
      select.replaceChildren(new Option('All surveys', ''), ...summary.surveys.map((s) => new Option(`${s.survey} (${s.type.toUpperCase()}, ${s.count})`, s.survey)));
      select.value = chosen;
      card('card-nps', summary.nps, { value: (s) => (s > 0 ? `+${s}` : String(s)), good: 30, ok: 0 });
      card('card-csat', summary.csat, { value: (s) => `${s}%`, good: 80, ok: 60 });
      card('card-ces', summary.ces, { value: (s) => s.toFixed(2), good: 5, ok: 4, detail: summary.ces.easyShare === null ? '' : `${summary.ces.easyShare}% found it easy` });
      for (const type of ['nps', 'csat', 'ces']) distribution(type, summary.distribution[type]);
      trend(summary.trend);
      list('comments', summary.comments, 'No comments yet.', () => []);
      list('callbacks', summary.callbacks, 'Nobody to call back. 🎉', (item) => [item.userId && `user ${item.userId}`, item.context?.orderId && `order ${item.context.orderId}`]);
      status.textContent = `${summary.total} ${summary.total === 1 ? 'answer' : 'answers'} · updated ${new Date().toLocaleTimeString()} · refreshes every 10 s`;
      document.body.dataset.ready = 'true';
    } catch (error) {
      status.textContent = `Could not load the summary: ${error.message}`;
    }
  }

  form.addEventListener('change', refresh);
  form.addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
  Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  Chart.defaults.color = '#5f6b76';
  Chart.defaults.animation.duration = 400;
  refresh();
  setInterval(() => { if (!document.hidden) refresh(); }, 10_000);
})();
