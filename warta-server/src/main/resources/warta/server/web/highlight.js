// Renders an article text with stand-off annotations. Offsets are Unicode code points, end exclusive.
import { t } from './i18n.js';

const ORDER = ['actor', 'quote', 'time', 'other', 'mention', 'trigger'];

/**
 * @param {HTMLElement} el the container
 * @param {string} text the article text
 * @param {Array<{start:number,end:number,kind:string,title?:string}>} spans annotations
 */
export function renderAnnotated(el, text, spans) {
  const cps = Array.from(text);
  const n = cps.length;
  const marks = new Array(n + 1).fill(null).map(() => []);
  for (const s of spans) {
    if (s.start == null || s.end == null || s.start < 0 || s.end > n || s.end <= s.start) continue;
    marks[s.start].push({ open: s });
    marks[s.end].push({ close: s });
  }
  el.textContent = '';
  const active = new Set();
  let buf = '';
  const flush = () => {
    if (!buf) return;
    if (active.size === 0) { el.append(buf); buf = ''; return; }
    const span = document.createElement('span');
    const kinds = [...new Set([...active].map(s => s.kind))].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
    span.className = kinds.map(k => 'hl-' + k).join(' ');
    const titles = [...active].map(s => s.title).filter(Boolean);
    if (titles.length) span.title = titles.join('\n');
    span.textContent = buf;
    el.append(span);
    buf = '';
  };
  for (let i = 0; i <= n; i++) {
    if (marks[i].length) {
      flush();
      for (const m of marks[i]) { if (m.close) active.delete(m.close); }
      for (const m of marks[i]) { if (m.open) active.add(m.open); }
    }
    if (i < n) buf += cps[i];
  }
  flush();
}

/** The annotation spans of an annotated doc (entities, quotes, times) plus the mentions and triggers of the chosen events. */
export function docSpans(doc, chosenEvents, otherEvents = []) {
  const spans = [];
  for (const e of doc.entities || []) {
    if (!e.actor || !e.actor.code) continue;
    spans.push({ start: e.start, end: e.end, kind: 'actor', title: `${e.actor.code} ${e.actor.sector || ''} ${e.actor.name || ''}`.trim() });
  }
  for (const q of doc.quotes || []) spans.push({ start: q.start, end: q.end, kind: 'quote', title: t('l.quote') + (q.speaker ? ': ' + (q.speaker.name || q.speaker.code) : '') });
  for (const tm of doc.times || []) spans.push({ start: tm.start, end: tm.end, kind: 'time', title: `${tm.value || ''}`.trim() });
  for (const ev of otherEvents) {
    for (const m of ev.mentions || []) if (m.trigger_start != null) spans.push({ start: m.trigger_start, end: m.trigger_end, kind: 'other', title: ev.event });
  }
  for (const ev of chosenEvents) {
    for (const m of ev.mentions || []) {
      spans.push({ start: m.start, end: m.end, kind: 'mention', title: `${ev.event}: ${ev.summary && typeof ev.summary === 'object' ? ev.summary.en || '' : ev.summary || ''}` });
      if (m.trigger_start != null) spans.push({ start: m.trigger_start, end: m.trigger_end, kind: 'trigger', title: t('e.trigger') + ': ' + m.trigger });
    }
  }
  return spans;
}

export function legend(el) {
  el.textContent = '';
  for (const k of ['mention', 'trigger', 'actor', 'quote', 'time']) {
    const s = document.createElement('span');
    s.className = 'hl-' + k;
    s.style.background = getComputedStyle(document.documentElement).getPropertyValue('--' + k);
    s.textContent = t('l.' + k);
    el.append(s);
  }
}

/** A code-point slice of a text. */
export function slice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}
