// Warta explorer: plain ES modules, no build step. Charts by ECharts (a WebJar served by this server).
import { t, applyLabels, toggleLang } from './i18n.js';
import { renderAnnotated, docSpans, legend, slice } from './highlight.js';

const $ = sel => document.querySelector(sel);
const PAGE = 50;
const QUAD_COLORS = { 1: '#52b788', 2: '#2d6a4f', 3: '#f4a261', 4: '#d62828' };
const charts = {};
let offset = 0;
let worldReady = null;

// --- API -------------------------------------------------------------------------------------------------

async function api(path, opts) {
  const r = await fetch(path, opts);
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

function showError(e) {
  const el = $('#error');
  el.hidden = !e;
  el.textContent = e ? String(e.message || e) : '';
}

function filterParams({ withRange = true } = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData($('#filters'))) {
    if (!withRange && (k === 'from' || k === 'to')) continue;
    if (v && String(v).trim()) p.set(k, String(v).trim());
  }
  return p;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

/** The English summary of an event record ({en: ...}) or of a table row (a string). */
export const summaryOf = e => { const s = e && e.summary; return s && typeof s === 'object' ? (s.en || Object.values(s)[0] || '') : (s || ''); };
const modLabel = m => t('m.' + m).replace(/ \(.*\)$/, '');
const uniq = actors => [...new Set((actors || []).map(a => a.code).filter(Boolean))].join(', ');
const codes = s => (s || '').split(';').filter(Boolean).join(', ');
const quadTag = (type, quad) => el('span', { class: 'tag q' + (quad || ''), title: quad ? t('q' + quad) : '' }, type);

// --- explore ----------------------------------------------------------------------------------------------

function chart(id) {
  if (!charts[id]) {
    charts[id] = echarts.init(document.getElementById(id));
    window.addEventListener('resize', () => charts[id].resize());
  }
  return charts[id];
}

async function loadTypes() {
  const sel = $('#filters select[name=type]');
  if (sel.options.length > 1) return;
  const r = await api('/api/counts?by=type&modality=all');
  for (const c of r.counts) sel.append(el('option', { value: c.key }, c.key));
}

function daysBetween(a, b) {
  const out = [];
  const d = new Date(a + 'T00:00:00Z');
  const end = new Date(b + 'T00:00:00Z');
  while (d <= end && out.length < 40000) { out.push(d.toISOString().slice(0, 10)); d.setUTCDate(d.getUTCDate() + 1); }
  return out;
}

async function loadTimeline() {
  const split = $('#split').value;
  const p = filterParams({ withRange: false });
  p.set('by', 'day'); p.set('split', split);
  const r = await api('/api/counts?' + p);
  const rows = r.counts.filter(c => c.key);
  // one bar a day over a few months; one a month over longer spans (bars stay readable)
  let buckets = rows.length ? daysBetween(rows[0].key, rows[rows.length - 1].key) : [];
  const monthly = buckets.length > 120;
  const bucketOf = day => monthly ? day.slice(0, 7) : day;
  if (monthly) buckets = [...new Set(buckets.map(bucketOf))];
  const index = new Map(buckets.map((b, i) => [b, i]));
  const groups = [...new Set(rows.map(c => String(c.group)))].sort();
  const series = groups.map(g => {
    const data = new Array(buckets.length).fill(0);
    for (const c of rows) if (String(c.group) === g) data[index.get(bucketOf(c.key))] += c.n;
    return { name: split === 'quad' ? t('q' + g) : g, type: 'bar', stack: 'n',
      itemStyle: split === 'quad' ? { color: QUAD_COLORS[g] } : undefined, data };
  });
  const firstDay = b => monthly ? b + '-01' : b;
  const lastDay = b => {
    if (!monthly) return b;
    const d = new Date(b + '-01T00:00:00Z');
    d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0);
    return d.toISOString().slice(0, 10);
  };
  const c = chart('timeline');
  c.setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { left: 40, right: 20, top: 30, bottom: 40 },
    toolbox: { feature: { brush: { type: ['lineX', 'clear'] } }, right: 10 },
    brush: { xAxisIndex: 0, brushMode: 'single', throttleType: 'debounce', throttleDelay: 300 },
    xAxis: { type: 'category', data: buckets }, yAxis: { type: 'value', minInterval: 1 }, series,
  }, true);
  c.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
  c.off('brushEnd');
  c.on('brushEnd', ev => {
    const area = ev.areas && ev.areas[0];
    const form = $('#filters');
    if (!area) { form.from.value = ''; form.to.value = ''; }
    else {
      const [i0, i1] = area.coordRange;
      const b0 = buckets[Math.max(0, i0)], b1 = buckets[Math.min(buckets.length - 1, i1)];
      form.from.value = b0 ? firstDay(b0) : '';
      form.to.value = b1 ? lastDay(b1) : '';
    }
    offset = 0;
    loadRange();
  });
}

let eventsSeq = 0;

async function loadEvents() {
  const p = filterParams();
  p.set('offset', offset); p.set('limit', PAGE);
  const seq = ++eventsSeq;
  const r = await api('/api/events?' + p);
  if (seq !== eventsSeq) return; // a newer request is on its way: keep answers in order
  const tbody = $('#events tbody');
  tbody.textContent = '';
  if (!r.events.length) tbody.append(el('tr', {}, el('td', { colspan: 8, class: 'empty' }, t('none'))));
  for (const e of r.events) {
    const tr = el('tr', { 'data-event': e.id, 'data-type': e.event, onclick: () => { location.hash = '#/event/' + encodeURIComponent(e.id); } },
      el('td', {}, e.day || ''), el('td', {}, quadTag(e.event, e.plover_quad)), el('td', {}, codes(e.actor_codes)),
      el('td', {}, codes(e.recipient_codes)), el('td', {}, e.location_country || ''),
      el('td', { class: 'mod-' + e.modality }, modLabel(e.modality)), el('td', {}, summaryOf(e)),
      el('td', { title: e.title || '' }, e.outlet || ''));
    tbody.append(tr);
  }
  $('#total').textContent = t('total', { n: r.total });
  $('#pageinfo').textContent = r.total ? `${offset + 1}–${Math.min(offset + PAGE, r.total)}` : '';
  $('#prev').disabled = offset === 0;
  $('#next').disabled = offset + PAGE >= r.total;
}

async function loadNetwork() {
  const p = filterParams();
  p.delete('q');
  const r = await api('/api/network?' + p);
  const degree = {};
  for (const d of r.dyads) { degree[d.source] = (degree[d.source] || 0) + d.events; degree[d.target] = (degree[d.target] || 0) + d.events; }
  const nodes = Object.entries(degree).map(([code, n]) => ({ name: code, value: n, symbolSize: 14 + Math.sqrt(n) * 8, label: { show: true } }));
  const links = r.dyads.filter(d => d.source !== d.target).map(d => ({
    source: d.source, target: d.target, value: d.events,
    lineStyle: { width: 1 + Math.sqrt(d.events) * 2, color: d.mean_score == null ? '#999' : d.mean_score < 0 ? '#d62828' : '#2d6a4f', curveness: 0.15 },
    tooltip: { formatter: `${d.source} → ${d.target}: ${d.events} (${d.mean_score == null ? '–' : d.mean_score.toFixed(1)})` },
  }));
  chart('network').setOption({
    animation: false, tooltip: {},
    series: [{ type: 'graph', layout: 'force', roam: true, draggable: true, data: nodes, links,
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 8, force: { repulsion: 260, edgeLength: 110 },
      itemStyle: { color: '#0b5cad' }, label: { position: 'right' } }],
  }, true);
  chart('network').off('click');
  chart('network').on('click', ev => {
    if (ev.dataType !== 'node') return;
    $('#filters').actor.value = ev.data.name; offset = 0; loadAll();
  });
}

async function loadWorld() {
  if (!worldReady) {
    worldReady = fetch('/countries.geo.json').then(r => r.json()).then(geo => {
      const names = {};
      for (const f of geo.features) { names[f.id] = f.properties.name; f.properties.name = f.id; }
      echarts.registerMap('world', geo);
      return names;
    });
  }
  return worldReady;
}

async function loadMap() {
  const names = await loadWorld();
  const p = filterParams();
  p.set('by', 'country');
  const r = await api('/api/counts?' + p);
  const data = r.counts.filter(c => c.key).map(c => ({ name: c.key, value: c.n }));
  const max = Math.max(1, ...data.map(d => d.value));
  chart('map').setOption({
    animation: false,
    tooltip: { formatter: p => `${names[p.name] || p.name}: ${isNaN(p.value) ? 0 : p.value}` },
    visualMap: { min: 0, max, left: 10, bottom: 10, calculable: true, inRange: { color: ['#e0ecf8', '#0b5cad'] } },
    series: [{ type: 'map', map: 'world', roam: true, data, emphasis: { label: { show: false } },
      itemStyle: { areaColor: '#f1f3f6', borderColor: '#b8c0cc' } }],
  }, true);
  chart('map').off('click');
  chart('map').on('click', ev => { if (ev.name) { $('#filters').country.value = ev.name; offset = 0; loadAll(); } });
}

function loadRange() {
  return Promise.all([loadEvents(), loadNetwork(), loadMap()]).then(() => showError(null), showError);
}

function loadAll() {
  return Promise.all([loadTypes(), loadTimeline(), loadEvents(), loadNetwork(), loadMap()]).then(() => showError(null), showError);
}

// --- one event ---------------------------------------------------------------------------------------------

async function showEvent(id) {
  const ev = await api('/api/events/' + encodeURIComponent(id));
  const doc = await api('/api/articles/' + encodeURIComponent(ev.article_id));
  const text = doc.article.text;
  const rec = ev.record;
  $('#article-title').textContent = doc.article.title || ev.title || ev.article_id;
  $('#article-meta').textContent = [ev.outlet, doc.article.published, ev.url].filter(Boolean).join(' · ');
  const others = (doc.events || []).filter(e => e.id !== rec.id);
  renderAnnotated($('#article-text'), text, docSpans(doc, [rec], others));
  document.querySelectorAll('[data-legend]').forEach(legend);
  const first = document.querySelector('#article-text .hl-mention');
  if (first) first.scrollIntoView({ block: 'center' });

  const side = $('#event-side');
  side.textContent = '';
  side.className = 'panel side';
  side.append(el('h2', {}, t('e.event'), ' ', quadTag(rec.event, rec.plover_quad), rec.mode ? ' ' + rec.mode : ''));
  side.append(el('div', { class: 'summary-en', lang: 'en' }, summaryOf(rec)));
  const kv = el('dl', { class: 'kv' });
  const add = (k, v) => { if (v) kv.append(el('dt', {}, t(k)), el('dd', {}, v)); };
  add('e.when', rec.date);
  add('e.where', rec.location ? [rec.location.text, rec.location.country].filter(Boolean).join(' · ') : '');
  add('e.modality', modLabel(rec.modality));
  add('e.source', (rec.attribution || []).map(a => a.name || a.text).join('; '));
  side.append(kv);
  side.append(el('h3', {}, t('e.actors')));
  const ul = el('ul');
  for (const a of ev.actors || []) ul.append(el('li', {}, `${t('r.' + a.role)}: `, el('b', {}, a.code || '?'), ` ${a.sector || ''} — ${a.name || a.text || ''}`));
  side.append(ul);
  side.append(el('h3', {}, t('e.evidence')));
  for (const m of rec.mentions || []) {
    side.append(el('div', { class: 'evidence' }, slice(text, m.start, m.end),
      el('span', { class: 'en', lang: 'en' }, `${t('e.trigger')}: “${m.trigger}” → ${summaryOf(rec) || rec.event}`)));
  }
  side.append(el('h3', {}, t('e.story')));
  if (!ev.story_reports.length) side.append(el('p', { class: 'hint' }, t('e.nostory')));
  for (const s of ev.story_reports) {
    side.append(el('p', {}, el('a', { href: '#/event/' + encodeURIComponent(s.id) }, `${s.day || ''} ${s.outlet || ''}: ${s.title || summaryOf(s) || s.id}`)));
  }
}

// --- paste an article ----------------------------------------------------------------------------------------

async function codePasted() {
  const text = $('#paste-text').value;
  if (!text.trim()) return;
  $('#paste-status').textContent = t('paste.coding');
  const body = { text };
  if ($('#paste-asof').value) body.as_of = $('#paste-asof').value;
  try {
    const doc = await api('/api/code', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    $('#paste-status').textContent = t('paste.done', { n: doc.events.length });
    const render = chosen => renderAnnotated($('#paste-doc'), doc.article.text, docSpans(doc, chosen, doc.events.filter(e => !chosen.includes(e))));
    render(doc.events);
    document.querySelectorAll('[data-legend]').forEach(legend);
    const list = $('#paste-events');
    list.textContent = '';
    for (const e of doc.events) {
      const card = el('div', { class: 'event-card', 'data-type': e.event },
        el('div', {}, quadTag(e.event, e.plover_quad), ' ', e.date || '', ' ', el('span', { class: 'mod-' + e.modality }, modLabel(e.modality))),
        el('div', { class: 'card-summary', lang: 'en' }, summaryOf(e)),
        el('div', { class: 'hint' }, `${uniq(e.actor)} → ${uniq(e.recipient)}`));
      card.addEventListener('click', () => {
        const on = !card.classList.contains('active');
        list.querySelectorAll('.event-card').forEach(c => c.classList.remove('active'));
        if (on) card.classList.add('active');
        render(on ? [e] : doc.events);
      });
      list.append(card);
    }
    showError(null);
  } catch (e) {
    $('#paste-status').textContent = '';
    showError(e);
  }
}

// --- routing ------------------------------------------------------------------------------------------------

function route() {
  const h = location.hash || '#/';
  const ev = h.match(/^#\/event\/(.+)$/);
  const view = ev ? 'event' : h.startsWith('#/paste') ? 'paste' : 'explore';
  for (const v of ['explore', 'event', 'paste']) $('#view-' + v).hidden = v !== view;
  $('#nav-explore').classList.toggle('active', view !== 'paste');
  $('#nav-paste').classList.toggle('active', view === 'paste');
  showError(null);
  if (view === 'event') showEvent(decodeURIComponent(ev[1])).catch(showError);
  else if (view === 'explore') { loadAll(); Object.values(charts).forEach(c => c.resize()); }
  else document.querySelectorAll('[data-legend]').forEach(legend);
}

function init() {
  applyLabels();
  $('#lang-toggle').addEventListener('click', () => { toggleLang(); route(); });
  $('#filters').addEventListener('submit', e => { e.preventDefault(); offset = 0; loadAll(); });
  $('#reset').addEventListener('click', () => { $('#filters').reset(); offset = 0; loadAll(); });
  $('#split').addEventListener('change', () => loadTimeline().catch(showError));
  $('#prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); loadEvents().catch(showError); });
  $('#next').addEventListener('click', () => { offset += PAGE; loadEvents().catch(showError); });
  $('#paste-go').addEventListener('click', codePasted);
  window.addEventListener('hashchange', route);
  route();
}

init();
