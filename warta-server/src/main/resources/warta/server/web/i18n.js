// Labels in Indonesian and English; the choice is kept in localStorage.
const LABELS = {
  id: {
    'nav.explore': 'Jelajahi', 'nav.paste': 'Tempel artikel', 'nav.api': 'API',
    'f.q': 'Cari teks', 'f.actor': 'Aktor', 'f.recipient': 'Penerima', 'f.type': 'Jenis peristiwa', 'f.country': 'Negara',
    'f.modality': 'Modalitas', 'f.from': 'Dari', 'f.to': 'Sampai', 'f.apply': 'Terapkan', 'f.reset': 'Atur ulang',
    'm.asserted': 'terjadi (bawaan)', 'm.all': 'semua', 'm.future': 'akan datang', 'm.hypothetical': 'hipotetis',
    'm.negated': 'disangkal', 'm.historical': 'historis',
    'h.timeline': 'Linimasa peristiwa', 'h.brush': 'seret untuk memilih rentang tanggal', 'h.events': 'Peristiwa',
    'h.network': 'Jaringan aktor', 'h.map': 'Peta lokasi peristiwa', 'h.paste': 'Tempel artikel',
    's.quad': 'per kuadran', 's.type': 'per jenis',
    'c.day': 'Tanggal', 'c.type': 'Jenis', 'c.actor': 'Aktor', 'c.recipient': 'Penerima', 'c.where': 'Lokasi',
    'c.modality': 'Modalitas', 'c.summary': 'Ringkasan (EN)', 'c.source': 'Sumber',
    'back': '← kembali ke daftar', 'total': '{n} peristiwa', 'none': 'Tidak ada peristiwa untuk filter ini.',
    'paste.hint': 'Tempel teks berita (judul di baris pertama). Teks dikodekan tanpa disimpan.',
    'paste.go': 'Kodekan', 'paste.asof': 'Tanggal proses', 'paste.coding': 'mengodekan…', 'paste.done': '{n} peristiwa ditemukan',
    'l.mention': 'kalimat peristiwa', 'l.trigger': 'pemicu', 'l.actor': 'aktor', 'l.quote': 'kutipan', 'l.time': 'waktu',
    'e.event': 'Peristiwa', 'e.summary': 'Ringkasan (bahasa Inggris)', 'e.evidence': 'Bukti dalam artikel', 'e.actors': 'Aktor',
    'e.story': 'Laporan lain tentang peristiwa ini', 'e.nostory': 'Belum ada laporan lain.', 'e.where': 'Lokasi',
    'e.when': 'Tanggal', 'e.modality': 'Modalitas', 'e.source': 'Menurut', 'e.trigger': 'Pemicu',
    'q1': 'Kerja sama verbal', 'q2': 'Kerja sama material', 'q3': 'Konflik verbal', 'q4': 'Konflik material',
    'r.actor': 'aktor', 'r.recipient': 'penerima', 'r.source': 'sumber',
  },
  en: {
    'nav.explore': 'Explore', 'nav.paste': 'Paste an article', 'nav.api': 'API',
    'f.q': 'Text search', 'f.actor': 'Actor', 'f.recipient': 'Recipient', 'f.type': 'Event type', 'f.country': 'Country',
    'f.modality': 'Modality', 'f.from': 'From', 'f.to': 'To', 'f.apply': 'Apply', 'f.reset': 'Reset',
    'm.asserted': 'happened (default)', 'm.all': 'all', 'm.future': 'future', 'm.hypothetical': 'hypothetical',
    'm.negated': 'negated', 'm.historical': 'historical',
    'h.timeline': 'Event timeline', 'h.brush': 'drag to pick a date range', 'h.events': 'Events',
    'h.network': 'Actor network', 'h.map': 'Where events happen', 'h.paste': 'Paste an article',
    's.quad': 'by quad', 's.type': 'by type',
    'c.day': 'Day', 'c.type': 'Type', 'c.actor': 'Actor', 'c.recipient': 'Recipient', 'c.where': 'Where',
    'c.modality': 'Modality', 'c.summary': 'Summary', 'c.source': 'Source',
    'back': '← back to the list', 'total': '{n} events', 'none': 'No events match these filters.',
    'paste.hint': 'Paste a news text (title on the first line). It is coded, not stored.',
    'paste.go': 'Code it', 'paste.asof': 'Processing date', 'paste.coding': 'coding…', 'paste.done': '{n} events found',
    'l.mention': 'event sentence', 'l.trigger': 'trigger', 'l.actor': 'actor', 'l.quote': 'quote', 'l.time': 'time',
    'e.event': 'Event', 'e.summary': 'Summary', 'e.evidence': 'Evidence in the article', 'e.actors': 'Actors',
    'e.story': 'Other reports of this event', 'e.nostory': 'No other reports yet.', 'e.where': 'Where',
    'e.when': 'When', 'e.modality': 'Modality', 'e.source': 'According to', 'e.trigger': 'Trigger',
    'q1': 'Verbal cooperation', 'q2': 'Material cooperation', 'q3': 'Verbal conflict', 'q4': 'Material conflict',
    'r.actor': 'actor', 'r.recipient': 'recipient', 'r.source': 'source',
  },
};

let lang = localStorage.getItem('warta.lang') || 'id';

export function t(key, vars = {}) {
  const s = LABELS[lang][key] ?? LABELS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');
}

export function currentLang() { return lang; }

export function applyLabels(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.documentElement.lang = lang;
  const btn = document.getElementById('lang-toggle');
  if (btn) btn.textContent = lang === 'id' ? 'EN' : 'ID';
}

export function toggleLang() {
  lang = lang === 'id' ? 'en' : 'id';
  localStorage.setItem('warta.lang', lang);
  applyLabels();
}
