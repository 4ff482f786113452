package org.warta.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.warta.kb.KnowledgeBase;
import org.warta.kb.KnowledgeBase.Name;
import org.warta.kb.KnowledgeBase.NameKind;

class GazetteerTest {
    /** The plain lookup the indexed one must agree with: every name of the first word, tried in turn. */
    private static final class Linear {
        final Map<String, List<Name>> byFirstWord = new HashMap<>();

        Linear(List<Name> names) {
            for (Name n : names) {
                String key = Gazetteer.firstWord(n.text());
                if (!key.isEmpty()) byFirstWord.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
            }
            for (List<Name> l : byFirstWord.values()) l.sort(Comparator.comparingInt((Name n) -> -n.text().length()));
        }

        List<Gazetteer.Match> at(String text, int pos, boolean lowercaseText) {
            if (pos > 0 && Character.isLetterOrDigit(text.charAt(pos - 1))) return List.of();
            int j = pos;
            while (j < text.length() && Character.isLetterOrDigit(text.charAt(j))) j++;
            List<Name> cands = byFirstWord.get(text.substring(pos, j).toLowerCase(Locale.ROOT));
            List<Gazetteer.Match> out = new ArrayList<>();
            if (cands == null) return out;
            for (Name n : cands) {
                String s = n.text();
                if (pos + s.length() > text.length() || !text.regionMatches(!n.caseSensitive(), pos, s, 0, s.length())) continue;
                int end = pos + s.length();
                if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))
                        && Character.isLetterOrDigit(s.charAt(s.length() - 1))) continue;
                if (!n.caseSensitive() && !lowercaseText && Character.isUpperCase(s.charAt(0))
                        && !Character.isUpperCase(text.charAt(pos))) continue;
                out.add(new Gazetteer.Match(pos, end, n));
            }
            return out;
        }
    }

    private static void assertSame(Gazetteer g, Linear l, String text) {
        for (boolean lower : new boolean[] {false, true})
            for (int p = 0; p < text.length(); p++)
                assertThat(g.at(text, p, lower)).as("at %d of \"%s\" (lower case text: %s)", p, text, lower)
                        .isEqualTo(l.at(text, p, lower));
    }

    @Test
    void agreesWithTryingEveryNameOnKnowledgeBaseNamesInAnyCase() {
        List<Name> names = KnowledgeBase.load(List.of()).names();
        Gazetteer g = new Gazetteer(names);
        Linear l = new Linear(names);
        Random rnd = new Random(20261127);
        String[] glue = {" ", ", ", " dan ", "-", "nya ", "(", ") ", ".", "\n", "  "};
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 6; k++) {
                String s = names.get(rnd.nextInt(names.size())).text();
                // whole names, cut names, upper, lower and title case
                if (rnd.nextInt(4) == 0) s = s.substring(0, 1 + rnd.nextInt(s.length()));
                s = switch (rnd.nextInt(4)) {
                    case 0 -> s.toUpperCase(Locale.ROOT);
                    case 1 -> s.toLowerCase(Locale.ROOT);
                    default -> s;
                };
                sb.append(s).append(glue[rnd.nextInt(glue.length)]);
            }
            assertSame(g, l, sb.toString());
        }
    }

    @Test
    void agreesOnCaseFoldingBeyondAscii() {
        List<Name> names = List.of(new Name("İstanbul", NameKind.CAPITAL, "TUR", false), new Name("istanbul", NameKind.CAPITAL, "TUR", false),
                new Name("Ærø", NameKind.TERRITORY, "DNK", false), new Name("Straße des 17. Juni", NameKind.SEAT, "DEU", false),
                new Name("ΑΘΗΝΑ", NameKind.CAPITAL, "GRC", true), new Name("Kıbrıs", NameKind.COUNTRY, "CYP", false),
                new Name("U.S.", NameKind.COUNTRY, "USA", true), new Name("AS", NameKind.COUNTRY, "USA", true),
                new Name("as", NameKind.GROUP, "x", false), new Name("K\u212Aelvin", NameKind.PERSON, "k", false),
                new Name("𝔸lpha Beta", NameKind.ORGANISATION, "o", false));
        Gazetteer g = new Gazetteer(names);
        Linear l = new Linear(names);
        for (String text : List.of("İstanbul ISTANBUL istanbul İSTANBUL", "ærø ÆRØ Ærø aero", "STRASSE des 17. juni; Straße DES 17. Juni",
                "ΑΘΗΝΑ Αθηνα αθηνα", "KIBRIS Kıbrıs kibris", "U.S. u.s. US AS as As aS ASEAN", "kKelvin KKELVIN k\u212Aelvin",
                "𝔸lpha beta 𝔸LPHA BETA"))
            assertSame(g, l, text);
    }
}
