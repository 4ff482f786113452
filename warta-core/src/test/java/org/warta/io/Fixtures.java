package org.warta.io;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.warta.model.Actor;
import org.warta.model.Article;
import org.warta.model.Attribution;
import org.warta.model.Doc;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Location;
import org.warta.model.Modality;
import org.warta.model.Sentence;

/** Hand-made records for the writer tests (synthetic text, not from any benchmark). */
final class Fixtures {
    private Fixtures() {}

    /** Title, blank line, one body sentence; the input had two extra leading characters ("> "). */
    static final String TEXT = "Negara A minta Negara B mundur\n\nNegara A dan Negara C meminta Negara B menarik pasukan, kata menteri.";

    static Article article(String text) {
        int n = text.codePointCount(0, text.length());
        int[] src = new int[n + 1];
        for (int i = 0; i <= n; i++) src[i] = i + 2;
        return new Article("art-1", "in.txt", "https://example.org/a", null, "Contoh", "Negara A minta Negara B mundur",
                text, "id", "2024-10-30", "day", true, "Jakarta", List.of("Penulis Satu"), List.of("abc"), src);
    }

    static Event event(String text) {
        int s1 = text.indexOf("Negara A dan");
        int e1 = text.length();
        int t = text.indexOf("meminta");
        Actor a = new Actor("Negara A", "USA", "GOV", null, null);
        Actor c = new Actor("Negara C", "KOR", "GOV", "Menteri Satu", "Q42");
        Actor b = new Actor("Negara B", "PRK", "GOV", null, null);
        Attribution att = new Attribution("menteri", "USA", "GOV", "Menteri Dua", "kata");
        EventMention m0 = new EventMention(0, 0, text.indexOf('\n'), 2, 2 + text.indexOf('\n'), "minta",
                text.indexOf("minta"), text.indexOf("minta") + 5, Modality.ASSERTED, null);
        EventMention m1 = new EventMention(1, s1, e1, s1 + 2, e1 + 2, "meminta", t, t + 7, Modality.ASSERTED, att);
        return new Event("ev-1", "art-1", "REQUEST", "yield", List.of("military"), "1056", 2, 1, -5.0,
                "2024-10-30", "day", true, List.of(a, c), List.of(b), new Location("Washington", "USA", "city"),
                Map.of("troops", 10000L), Modality.ASSERTED, List.of(att), List.of(m0, m1), 0.8,
                "Countries A and C ask B to withdraw.");
    }

    static Doc doc(String text) {
        Doc d = new Doc(article(text), LocalDate.of(2026, 11, 27));
        d.addSentence(new Sentence(0, 0, text.indexOf('\n'), 0));
        d.addSentence(new Sentence(1, text.indexOf("Negara A dan"), text.length(), 1));
        d.addEvent(event(text));
        return d;
    }
}
