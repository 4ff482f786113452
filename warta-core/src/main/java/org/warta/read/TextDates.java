package org.warta.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.warta.lang.Languages;
import org.warta.model.TimeExpr;
import org.warta.time.TimeRecognizer;

/**
 * The publication date written on an HTML page ("Rabu, 30 Okt 2024 14:05 WIB", "November 18, 2019 at
 * 3:21 pm"), for pages whose metadata gives none: the short texts of elements whose class or id speaks
 * of a date or time (and of {@code <time>} elements), read by the time recogniser of the language
 * packs. Only dates with a written year count; a time right after the date and an Indonesian zone
 * name (WIB +07:00, WITA +08:00, WIT +09:00) or GMT/UTC are kept, in the page's own offset.
 */
final class TextDates {
    private static final String CANDIDATES = "time, [itemprop=datePublished], [class*=date], [class*=time], [class*=publish], "
            + "[class*=posted], [class*=tanggal], [class*=waktu], [id*=date], [id*=time], [class*=byline], [class*=meta]";
    private static final int MAX_CANDIDATES = 30;
    private static final int MAX_CHARS = 160;
    /** Zone names written after a time on news pages, and their offsets. */
    private static final Map<String, String> ZONES = Map.of("WIB", "+07:00", "WITA", "+08:00", "WIT", "+09:00",
            "GMT", "Z", "UTC", "Z");
    private static final Pattern ZONE = Pattern.compile("\\A[\\s,]*\\(?(WIB|WITA|WIT|GMT|UTC)\\b");

    private final TimeRecognizer recognizer;
    private final List<String> langs;

    TextDates(Languages langs) {
        this.recognizer = new TimeRecognizer(langs);
        this.langs = List.copyOf(langs.codes());
    }

    /** The first written date found, as ISO 8601 at its precision, or null. */
    String find(Document doc, String pageLanguage) {
        Set<String> seen = new LinkedHashSet<>();
        List<Element> found = doc.select(CANDIDATES);
        for (Element e : found) {
            if (seen.size() >= MAX_CANDIDATES) break;
            String t = MainContent.normalise(e.text());
            if (t.length() < 6 || t.length() > MAX_CHARS || !seen.add(t)) continue;
            String v = read(t, pageLanguage);
            if (v != null) return v;
        }
        return null;
    }

    String read(String text, String pageLanguage) {
        List<String> order = new ArrayList<>();
        if (pageLanguage != null && recognizer.supports(pageLanguage)) order.add(pageLanguage);
        for (String l : langs) if (!order.contains(l)) order.add(l);
        LocalDate anchor = LocalDate.now();
        for (String lang : order) {
            List<TimeRecognizer.Found> all = recognizer.find(text, lang, anchor);
            for (int i = 0; i < all.size(); i++) {
                TimeRecognizer.Found f = all.get(i);
                TimeExpr x = f.expr();
                if (!f.writtenDate() || f.yearInferred() || x.value() == null || x.value().length() < 10) continue;
                String value = x.value();
                int end = x.end();
                if (value.length() == 10 && i + 1 < all.size()) {
                    TimeExpr t = all.get(i + 1).expr();
                    if (t.start() - end <= 6 && t.value() != null && t.value().startsWith(value + "T")) {
                        value = t.value();
                        end = t.end();
                    }
                }
                if (value.length() > 10) {
                    String zone = zoneIn(x.text());
                    if (zone == null) {
                        Matcher m = ZONE.matcher(text.substring(Math.min(end, text.length())));
                        if (m.find()) zone = ZONES.get(m.group(1));
                    }
                    value = zone == null ? value : value + zone;
                }
                return ArticleAssembler.precision(value) != null ? value : value.substring(0, 10);
            }
        }
        return null;
    }

    /**
     * Whether a short block is only a dateline of the page ("Rabu, 30 Okt 2024 14:05 WIB", "Updated
     * Nov. 18, 2019"): time expressions with a written date cover most of its letters and digits.
     */
    boolean isDateLine(String text, String pageLanguage) {
        if (text.length() > 80) return false;
        int letters = 0;
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) letters++;
            digit |= c >= '0' && c <= '9';
        }
        if (letters == 0 || !digit) return false; // a written date has a day number
        for (String lang : langs) {
            if (pageLanguage != null && recognizer.supports(pageLanguage) && !lang.equals(pageLanguage)) continue;
            int covered = 0;
            boolean written = false;
            for (TimeRecognizer.Found f : recognizer.find(text, lang, LocalDate.now())) {
                written |= f.writtenDate();
                for (int i = f.expr().start(); i < f.expr().end(); i++) if (Character.isLetterOrDigit(text.charAt(i))) covered++;
            }
            if (written && covered >= 0.7 * letters) return true;
        }
        return false;
    }

    private static String zoneIn(String exprText) {
        for (Map.Entry<String, String> z : ZONES.entrySet())
            if (exprText.matches(".*\\b" + z.getKey() + "\\b.*")) return z.getValue();
        return null;
    }
}
