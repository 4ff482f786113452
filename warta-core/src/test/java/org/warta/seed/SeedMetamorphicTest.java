package org.warta.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warta.seed.SeedSupport.codeText;
import static org.warta.seed.SeedSupport.describe;
import static org.warta.seed.SeedSupport.multiset;
import static org.warta.seed.SeedSupport.multisetDiff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.warta.kb.KnowledgeBase;
import org.warta.pipeline.Pipeline;

/**
 * Metamorphic test: the seed with its countries, people and outlet consistently swapped for others gives the
 * correspondingly swapped events. USA → GBR, KOR → ZAF, PRK → IRN, RUS → BLR, UKR → GEO (every surface form of
 * the seed: names, abbreviations, capitals, seats); Lloyd Austin → John Healey and Kim Yong-hyun → Angie
 * Motshekga (the defence ministers of the target states in the knowledge base on 2024-10-30, short names
 * "Austin"/"Kim" swapped too); Sergiy Kyslytsya → an invented name that only the role phrase "duta besar …
 * untuk PBB" can code; MedanPunya → an invented outlet. PBB and everything else stay.
 *
 * <p>The test first checks its own substitution map against the knowledge base (every target form is a KB
 * name of the intended code, the people hold the office on the date), that no target form already occurs in
 * the seed and no source form survives the swap, then compares the events as multisets of signatures (see
 * {@link SeedSupport#signature}) with the original's codes and source names mapped through the same maps.
 */
class SeedMetamorphicTest {
    private static final LocalDate EVENT_DATE = LocalDate.of(2024, 10, 30);
    private static final String OUTLET = "MedanPunya";
    private static final String NEW_OUTLET = "KabarSeberang";
    /** Invented: not in the knowledge base, coded only through its role phrase. */
    private static final String INVENTED_ENVOY = "Davit Kartvelishvili";

    /** country code → replacement code. */
    private static final Map<String, String> CODES = Map.of(
            "USA", "GBR", "KOR", "ZAF", "PRK", "IRN", "RUS", "BLR", "UKR", "GEO");

    /** A surface form of the seed, its replacement, and the country code both name (null for people and outlet). */
    private record Swap(String from, String to, String code) {}

    private static final List<Swap> COUNTRY_SWAPS = List.of(
            new Swap("Amerika Serikat", "Britania Raya", "USA"),
            new Swap("AS", "Inggris", "USA"),
            new Swap("Washington DC", "London", "USA"),
            new Swap("Washington", "London", "USA"),
            new Swap("Pentagon", "Whitehall", "USA"),
            new Swap("Korea Selatan", "Afrika Selatan", "KOR"),
            new Swap("Korsel", "Afsel", "KOR"),
            new Swap("Seoul", "Pretoria", "KOR"),
            new Swap("Korea Utara", "Iran", "PRK"),
            new Swap("Korut", "Persia", "PRK"),
            new Swap("Pyongyang", "Teheran", "PRK"),
            new Swap("Rusia", "Belarus", "RUS"),
            new Swap("Ukraina", "Georgia", "UKR"),
            new Swap("Kyiv", "Tbilisi", "UKR"));

    /** Canonical person name in the original → in the swapped article. */
    private static final Map<String, String> PEOPLE = Map.of(
            "Lloyd Austin", "John Healey",
            "Kim Yong-hyun", "Angie Motshekga",
            "Sergiy Kyslytsya", INVENTED_ENVOY);

    private static final List<Swap> OTHER_SWAPS = List.of(
            new Swap("Lloyd Austin", "John Healey", null),
            new Swap("Austin", "Healey", null),
            new Swap("Kim Yong-hyun", "Angie Motshekga", null),
            new Swap("Kim", "Motshekga", null),
            new Swap("Sergiy Kyslytsya", INVENTED_ENVOY, null),
            new Swap(OUTLET, NEW_OUTLET, null));

    private static KnowledgeBase kb;

    @BeforeAll
    static void loadKb() {
        kb = KnowledgeBase.load(List.of());
    }

    private static List<Swap> swaps() {
        List<Swap> all = new ArrayList<>(COUNTRY_SWAPS);
        all.addAll(OTHER_SWAPS);
        all.sort(Comparator.comparingInt((Swap s) -> s.from().length()).reversed());
        return all;
    }

    private static Pattern word(String form) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(form) + "(?![\\p{L}\\p{N}])");
    }

    /** Applies every swap at once, longest source form first at each position (so "Lloyd Austin" before "Austin"). */
    static String swap(String text) {
        List<Swap> ordered = swaps();
        StringBuilder alt = new StringBuilder();
        for (Swap s : ordered) alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(s.from()));
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alt + ")(?![\\p{L}\\p{N}])");
        Map<String, String> to = new LinkedHashMap<>();
        for (Swap s : ordered) to.put(s.from(), s.to());
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(to.get(m.group())));
        m.appendTail(out);
        return out.toString();
    }

    private static Set<String> kbCodes(String form) {
        Set<String> codes = new java.util.TreeSet<>();
        for (KnowledgeBase.Name n : kb.names()) {
            if (!n.text().toLowerCase(Locale.ROOT).equals(form.toLowerCase(Locale.ROOT))) continue;
            switch (n.kind()) {
                case COUNTRY, CAPITAL, SEAT, ADJECTIVE, TERRITORY -> codes.add(n.ref());
                case PERSON -> kb.person(n.ref()).forEach(p -> codes.add(p.country()));
                case ORGANISATION -> kb.organisation(n.ref()).ifPresent(o -> codes.add(o.code()));
                default -> codes.add(n.kind().name());
            }
        }
        return codes;
    }

    @Test
    void substitutionMapIsConsistentWithTheKnowledgeBase() {
        for (Swap s : COUNTRY_SWAPS) {
            assertThat(kbCodes(s.from())).as("KB codes of source form '%s'", s.from()).containsExactly(s.code());
            assertThat(kbCodes(s.to())).as("KB codes of target form '%s'", s.to()).containsExactly(CODES.get(s.code()));
        }
        for (Swap s : OTHER_SWAPS) {
            if (s.to().equals(INVENTED_ENVOY) || s.to().equals(NEW_OUTLET)) {
                assertThat(kbCodes(s.to())).as("'%s' is meant to be unknown to the KB", s.to()).isEmpty();
                continue;
            }
            assertThat(kbCodes(s.to())).as("KB entry for target name '%s'", s.to()).isNotEmpty();
        }
        // the target people are the defence ministers of the target states on the event date, like the originals
        assertDefenceMinister("Lloyd Austin", "USA");
        assertDefenceMinister("John Healey", "GBR");
        assertDefenceMinister("Kim Yong-hyun", "KOR");
        assertDefenceMinister("Angie Motshekga", "ZAF");
    }

    private static void assertDefenceMinister(String name, String country) {
        assertThat(kb.people()).as("%s, defence minister of %s on %s", name, country, EVENT_DATE)
                .anySatisfy(terms -> assertThat(terms).anyMatch(p -> p.name().equals(name) && p.country().equals(country)
                        && p.office().equals("defence_minister") && p.inOffice(EVENT_DATE)));
    }

    @Test
    void swappedSeedGivesSwappedEvents() {
        String source = SeedSupport.seedSource();
        for (Swap s : swaps()) {
            assertThat(word(s.from()).matcher(source).find()).as("source form '%s' occurs in the seed", s.from()).isTrue();
            assertThat(word(s.to()).matcher(source).find()).as("target form '%s' must not occur in the seed", s.to()).isFalse();
        }
        String swapped = swap(source);
        for (Swap s : swaps()) {
            assertThat(word(s.from()).matcher(swapped).find()).as("'%s' left after swapping", s.from()).isFalse();
        }

        Pipeline.Result original = codeText("seed.txt", source);
        Pipeline.Result result = codeText("seed-swapped.txt", swapped);
        assertThat(original.article().outlet()).isEqualTo(OUTLET);
        assertThat(result.article().outlet()).isEqualTo(NEW_OUTLET);
        assertThat(result.article().dateline()).isEqualTo("London");
        assertThat(result.article().published()).isEqualTo(original.article().published());

        UnaryOperator<String> codeMap = c -> CODES.getOrDefault(c, c);
        UnaryOperator<String> nameMap = n -> PEOPLE.getOrDefault(n, n);
        Map<String, Integer> expected = multiset(original.events(), codeMap, nameMap);
        Map<String, Integer> actual = multiset(result.events());
        assertThat(expected).as("original events").isNotEmpty();
        List<String> diff = multisetDiff(expected, actual);
        assertThat(diff).as("the swapped seed's events differ from the original's with codes and names swapped:\n%s\n"
                + "expected (original, mapped):\n%s", String.join("\n", diff), describe(expected)).isEmpty();
    }
}
