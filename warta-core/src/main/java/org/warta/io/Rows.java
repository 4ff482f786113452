package org.warta.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.warta.model.Actor;
import org.warta.model.Article;
import org.warta.model.Attribution;
import org.warta.model.Doc;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Sentence;

/**
 * Flat rows for the CSV and table formats: a GDELT-like event table and an article table. Lists are joined
 * with {@code ';'}; unknown values are empty strings.
 */
public final class Rows {
    private Rows() {}

    public static final List<String> EVENT_COLUMNS = List.of(
            "id", "article_id", "date", "date_precision", "event", "mode", "context", "cameo",
            "plover_quad", "cameo_quad", "score",
            "actor_codes", "actor_sectors", "actor_names",
            "recipient_codes", "recipient_sectors", "recipient_names",
            "location_country", "modality", "attribution_names", "attribution_codes",
            "mentions", "sentence", "trigger", "sentence_text", "confidence");

    public static final List<String> ARTICLE_COLUMNS = List.of(
            "id", "url", "outlet", "title", "published", "language");

    /** One event row; {@code doc} (may be null) gives the first mention's sentence text. */
    public static List<String> event(Event e, Doc doc) {
        List<String> r = new ArrayList<>(EVENT_COLUMNS.size());
        r.add(s(e.id()));
        r.add(s(e.articleId()));
        r.add(s(e.date()));
        r.add(s(e.datePrecision()));
        r.add(s(e.type()));
        r.add(s(e.mode()));
        r.add(String.join(";", e.context()));
        r.add(s(e.cameo()));
        r.add(s(e.ploverQuad()));
        r.add(s(e.cameoQuad()));
        r.add(s(e.score()));
        r.add(join(e.actor(), Actor::code));
        r.add(join(e.actor(), Actor::sector));
        r.add(join(e.actor(), Rows::name));
        r.add(join(e.recipient(), Actor::code));
        r.add(join(e.recipient(), Actor::sector));
        r.add(join(e.recipient(), Rows::name));
        r.add(e.location() == null ? "" : s(e.location().country()));
        r.add(e.modality() == null ? "" : e.modality().label());
        r.add(join(e.attribution(), a -> a.name() != null ? a.name() : a.text()));
        r.add(join(e.attribution(), Attribution::code));
        r.add(String.valueOf(e.mentions().size()));
        EventMention first = e.mentions().isEmpty() ? null : e.mentions().get(0);
        r.add(first == null ? "" : String.valueOf(first.sentence()));
        r.add(first == null ? "" : s(first.trigger()));
        r.add(first == null ? "" : sentenceText(first, doc));
        r.add(s(e.confidence()));
        return r;
    }

    public static List<String> article(Article a) {
        return List.of(s(a.id()), s(a.url()), s(a.outlet()), s(a.title()), s(a.published()), s(a.language()));
    }

    private static String sentenceText(EventMention m, Doc doc) {
        if (doc == null) return "";
        String text = doc.text();
        for (Sentence s : doc.sentences()) {
            if (s.index() == m.sentence()) return oneLine(text.substring(s.start(), s.end()));
        }
        if (m.start() >= 0 && m.end() <= text.length() && m.start() <= m.end()) {
            return oneLine(text.substring(m.start(), m.end()));
        }
        return "";
    }

    static String oneLine(String s) {
        return org.warta.text.Blanks.collapse(s).strip();
    }

    private static String name(Actor a) {
        return a.name() != null ? a.name() : a.text();
    }

    private static <T> String join(Collection<T> items, Function<T, String> f) {
        // distinct values, in order; an unknown value of one item is kept as an empty slot only if all are
        List<String> values = new ArrayList<>();
        for (T t : items) values.add(s(f.apply(t)));
        if (values.stream().allMatch(String::isEmpty)) return "";
        return String.join(";", new LinkedHashSet<>(values.stream().filter(v -> !v.isEmpty()).toList()));
    }

    private static String s(Object o) {
        return o == null ? "" : Objects.toString(o);
    }
}
