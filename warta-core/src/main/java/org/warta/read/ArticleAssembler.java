package org.warta.read;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.warta.model.Article;
import org.warta.model.Page;
import org.warta.text.Blanks;

/**
 * Shared back end of the extractors: takes a title and candidate body blocks, removes site chrome, reads
 * bylines, editor initials and the dateline, and builds the {@link Article} with its id and, when the
 * blocks come from a source text, the source offsets of every kept code point.
 */
final class ArticleAssembler {

    /**
     * A candidate paragraph: its text and the char offset of its first char in the source text (the text
     * is then a contiguous substring of the source), or -1 when it has no source position.
     */
    record Block(String text, int sourceStart) {
        Block sub(int from, int to) {
            return new Block(text.substring(from, to), sourceStart < 0 ? -1 : sourceStart + from);
        }

        /** The block without leading and trailing white space (including no-break spaces). */
        Block trimmed() {
            int a = 0, b = text.length();
            while (a < b && Blanks.isSpace(text.charAt(a))) a++;
            while (b > a && Blanks.isSpace(text.charAt(b - 1))) b--;
            return sub(a, b);
        }
    }

    /** What the page itself already says about the article, beyond the blocks. */
    record Known(String url, String canonicalUrl, String outlet, String published, String language,
                 String publishedSource, String modified, List<String> authors) {
        Known(String url, String canonicalUrl, String outlet, String published, String language) {
            this(url, canonicalUrl, outlet, published, language, published == null ? null : "input", null, List.of());
        }
    }

    private final PageChrome chrome;

    ArticleAssembler(PageChrome chrome) {
        this.chrome = chrome;
    }

    /**
     * Builds the article.
     *
     * @param title the title block, or null when the first surviving block is the title
     * @param blocks candidate paragraphs in order
     * @param source the source text the block offsets point into, or null (no source offsets)
     */
    Article assemble(Page page, Block title, List<Block> blocks, String source, Known known) throws InputException {
        List<String> authors = new ArrayList<>(known.authors() == null ? List.of() : known.authors());
        List<String> editors = new ArrayList<>();
        List<Block> body = new ArrayList<>();
        boolean tail = false;
        for (Block raw : blocks) {
            Block b = raw.trimmed();
            if (b.text().isEmpty()) continue;
            if (bylineParts(b.text(), authors, editors)) continue; // "Penulis: A | Editor: B"
            PageChrome.Rule rule = chrome.matchLine(b.text());
            if (rule != null) {
                switch (rule.kind()) {
                    case TAIL -> tail = true;
                    case AUTHOR -> addName(authors, rule, b.text());
                    case EDITOR -> addName(editors, rule, b.text());
                    default -> { }
                }
                continue;
            }
            if (tail) continue;
            if (title == null) {
                title = b;
                continue;
            }
            if (body.isEmpty() && b.text().equals(title.text())) continue; // a heading repeating the title
            body.add(b);
        }
        if (title == null || title.text().isEmpty())
            throw new InputException(page.name(), "no article text found (empty or only site chrome)");
        title = title.trimmed();

        // Editor initials at the end of the last paragraph.
        if (!body.isEmpty()) {
            int last = body.size() - 1;
            Block b = body.get(last);
            for (PageChrome.Rule r : chrome.initials()) {
                Matcher m = r.pattern().matcher(b.text());
                if (m.find() && m.end() == b.text().length()) {
                    for (String code : m.group("codes").split("/")) if (!code.isBlank()) editors.add(code.strip());
                    b = b.sub(0, m.start()).trimmed();
                    break;
                }
            }
            if (b.text().isEmpty()) body.remove(last);
            else body.set(last, b);
        }

        // Dateline at the start of the lead paragraph.
        String dateline = null;
        String datelineOutlet = null;
        if (!body.isEmpty()) {
            Block lead = body.get(0);
            for (PageChrome.Rule r : chrome.datelines()) {
                Matcher m = r.pattern().matcher(lead.text());
                if (!m.lookingAt()) continue;
                String place = m.group("place");
                String outlet = hasGroup(m, "outlet") ? m.group("outlet") : null;
                if (outlet != null) outlet = outlet.strip();
                String rest = lead.text().substring(m.end());
                if (!startsSentence(rest)) continue;
                if (outlet != null && r.pattern().pattern().contains("\\((?<outlet>")
                        && !looksLikeOutlet(outlet, place, known)) continue;
                dateline = place;
                datelineOutlet = outlet;
                body.set(0, lead.sub(m.end(), lead.text().length()).trimmed());
                break;
            }
        }

        // Article text and source offsets (source char offsets per char; -1 = synthetic).
        int size = title.text().length();
        for (Block b : body) size += 2 + b.text().length();
        StringBuilder text = new StringBuilder(size);
        int[] src = new int[size];
        append(text, src, title);
        for (Block b : body) {
            src[text.length()] = -1;
            src[text.length() + 1] = -1;
            text.append("\n\n");
            append(text, src, b);
        }
        String articleText = text.toString();
        if (articleText.indexOf('\u0000') >= 0) // a NUL escaped in JSON, a page given through the API; stores refuse it
            throw new InputException(page.name(), "binary content (NUL characters in the text); give a text, HTML or JSON-lines page");
        int[] offsets = source == null ? null : sourceOffsets(articleText, src, source);

        String outlet = known.outlet() != null ? known.outlet()
                : datelineOutlet != null ? datelineOutlet : host(known.url());
        String canonical = known.canonicalUrl();
        String idBasis = canonical != null && !canonical.isBlank() ? canonical
                : Blanks.collapse(articleText).strip();
        String published = known.published() == null || known.published().isBlank() ? null : known.published().strip();
        String precision = precision(published);
        if (precision == null) published = null;
        String dateSource = published == null ? null : known.publishedSource();
        String language = known.language() == null || known.language().isBlank() ? null
                : known.language().strip().toLowerCase(Locale.ROOT);
        return new Article(id(idBasis), page.name(), known.url(), canonical, outlet, title.text(), articleText,
                language, published, precision, false, dateline, dedupe(authors), editors, offsets, dateSource,
                known.modified());
    }

    private static final java.util.regex.Pattern BYLINE_SEPARATOR = java.util.regex.Pattern.compile("\\s+[|·•]\\s+|\\s*\\|\\s*");

    /**
     * A line of several bylines joined by a separator ("Penulis: A | Editor: B"): when every part is a
     * byline or chrome, each author and editor is kept and the line is dropped.
     */
    private boolean bylineParts(String line, List<String> authors, List<String> editors) {
        if (line.indexOf('|') < 0 && line.indexOf('·') < 0 && line.indexOf('•') < 0) return false;
        String[] parts = BYLINE_SEPARATOR.split(line);
        if (parts.length < 2) return false;
        List<PageChrome.Rule> rules = new ArrayList<>();
        boolean byline = false;
        for (String part : parts) {
            PageChrome.Rule r = chrome.matchLine(part.strip());
            if (r == null || r.kind() == PageChrome.Kind.TAIL) return false;
            byline |= r.kind() == PageChrome.Kind.AUTHOR || r.kind() == PageChrome.Kind.EDITOR;
            rules.add(r);
        }
        if (!byline) return false;
        for (int i = 0; i < parts.length; i++) {
            PageChrome.Rule r = rules.get(i);
            if (r.kind() == PageChrome.Kind.AUTHOR) addName(authors, r, parts[i].strip());
            else if (r.kind() == PageChrome.Kind.EDITOR) addName(editors, r, parts[i].strip());
        }
        return true;
    }

    private static List<String> dedupe(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            boolean seen = false;
            for (String o : out) seen |= o.equalsIgnoreCase(n);
            if (!seen) out.add(n);
        }
        return out;
    }

    private static boolean hasGroup(Matcher m, String name) {
        try {
            return m.group(name) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void addName(List<String> names, PageChrome.Rule rule, String line) {
        Matcher m = rule.pattern().matcher(line);
        if (m.matches()) {
            String n = m.group("name").strip();
            if (!n.isEmpty()) names.add(n);
        }
    }

    private static boolean startsSentence(String rest) {
        int i = 0;
        while (i < rest.length() && Blanks.isSpace(rest.charAt(i))) i++;
        if (i >= rest.length()) return false;
        int cp = rest.codePointAt(i);
        return Character.isUpperCase(cp) || Character.isDigit(cp) || "\"“‘'«(".indexOf(cp) >= 0;
    }

    /**
     * Whether the parenthesised text after a place name names an outlet rather than an acronym or a
     * nickname of the words before it: the page's known outlet or host, a domain, a CamelCase brand, or
     * an all-capital word that is not built from the initials of the place words.
     */
    static boolean looksLikeOutlet(String outlet, String place, Known known) {
        String squashed = outlet.replaceAll("[\\s.]", "").toLowerCase(Locale.ROOT);
        if (known.outlet() != null && known.outlet().replaceAll("[\\s.]", "").toLowerCase(Locale.ROOT).equals(squashed)) return true;
        String host = host(known.url());
        if (host != null && host.replace(".", "").toLowerCase(Locale.ROOT).contains(squashed)) return true;
        if (outlet.matches(".*\\p{L}\\.(?:com|co|id|net|org|news)\\b.*")) return true;
        if (outlet.matches("\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}*)+")) return true; // CamelCase brand
        if (outlet.matches("\\p{Lu}{4,}")) {
            for (String w : place.split(" "))
                if (!w.isEmpty() && w.charAt(0) == outlet.charAt(0)) return false;
            return true;
        }
        return false;
    }

    /** Appends the block's text, and for each of its chars the source offset (-1 when it has none) at the same index of src. */
    private static void append(StringBuilder text, int[] src, Block b) {
        int at = text.length(), n = b.text().length(), start = b.sourceStart();
        for (int k = 0; k < n; k++) src[at + k] = start < 0 ? -1 : start + k;
        text.append(b.text());
    }

    /** Code-point offsets into the source for every code point of the text, plus the end. */
    private static int[] sourceOffsets(String text, int[] srcChars, String source) {
        int[] cpAt = new int[source.length() + 1];
        int cp = 0;
        for (int i = 0; i < source.length(); i++) {
            cpAt[i] = cp;
            if (!(Character.isLowSurrogate(source.charAt(i)) && i > 0 && Character.isHighSurrogate(source.charAt(i - 1)))) cp++;
            else cpAt[i] = cp - 1;
        }
        cpAt[source.length()] = cp;
        // Synthetic chars take the next kept char's offset; at the very end, the end of the last kept char.
        int n = srcChars.length;
        int[] chars = new int[n];
        int next = -1;
        int lastKeptEnd = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (srcChars[i] >= 0 && lastKeptEnd < 0) lastKeptEnd = srcChars[i] + 1;
        }
        if (lastKeptEnd < 0) lastKeptEnd = 0;
        next = lastKeptEnd;
        for (int i = n - 1; i >= 0; i--) {
            int s = srcChars[i];
            if (s >= 0) next = s;
            chars[i] = next;
        }
        int cps = text.codePointCount(0, text.length());
        int[] out = new int[cps + 1];
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLowSurrogate(text.charAt(i)) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) continue;
            out[k++] = cpAt[Math.min(chars[i], source.length())];
        }
        out[k] = cpAt[Math.min(lastKeptEnd, source.length())];
        return out;
    }

    private static final java.util.regex.Pattern CALENDAR_PARTS =
            java.util.regex.Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:[T ](\\d{2})(?::(\\d{2})(?::(\\d{2}))?)?)?)?)?.*");

    /**
     * ISO 8601 precision of a date string, or null when it is not one: the form, and a real calendar day
     * and clock time (no 2024-10-32, no 25:00).
     */
    static String precision(String value) {
        if (value == null) return null;
        java.util.regex.Matcher c = CALENDAR_PARTS.matcher(value);
        if (!c.matches()) return null;
        if (c.group(2) != null && !between(c.group(2), 1, 12)) return null;
        if (c.group(3) != null) {
            try {
                java.time.LocalDate.parse(value.substring(0, 10));
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        if (c.group(4) != null && !between(c.group(4), 0, 23)) return null;
        if (c.group(5) != null && !between(c.group(5), 0, 59)) return null;
        if (c.group(6) != null && !between(c.group(6), 0, 59)) return null;
        if (value.matches("\\d{4}")) return "year";
        if (value.matches("\\d{4}-\\d{2}")) return "month";
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) return "day";
        if (value.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?")) return value.matches(".*[T ]\\d{2}:\\d{2}.*") ? "minute" : "hour";
        if (value.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?")) return "second";
        return null;
    }

    private static boolean between(String digits, int min, int max) {
        int v = Integer.parseInt(digits);
        return v >= min && v <= max;
    }

    static String host(String url) {
        if (url == null || url.isBlank()) return null;
        try {
            String h = URI.create(url.strip()).getHost();
            if (h == null) return null;
            h = h.toLowerCase(Locale.ROOT);
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** First 16 hex chars of the SHA-256 of the string. */
    static String id(String basis) {
        return org.warta.io.Digests.sha256Hex16(basis);
    }
}
