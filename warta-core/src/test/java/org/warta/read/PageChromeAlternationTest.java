package org.warta.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.warta.lang.Languages;

/** The line rules matched as one alternation choose the rule that trying them one by one chooses. */
class PageChromeAlternationTest {
    private final PageChrome chrome = new PageChrome(new Languages(List.of()));

    @Test
    void theBuiltInRulesAreMatchedAsOne() {
        assertThat(chrome.matchesAsOne()).isTrue();
    }

    @Test
    void sameRuleAsOneByOne() throws IOException {
        List<String> lines = new ArrayList<>(List.of("", "Berikan Komentar:", "Baca juga: Presiden ke Bali", "ADVERTISEMENT",
                "iklan", "Editor: Budi Santoso", "Penulis: Ani | Editor: Budi", "(Laporan wartawan Tribun, Ahmad Yani)",
                "Laporan wartawan Ahmad Yani", "Sumber: Antara", "Bagikan", "Share:", "Simak juga Video Banjir di Jakarta",
                "Ikuti kami di Google News", "Halaman selanjutnya", "Artikel ini telah tayang di Kompas.com",
                "Read more: the minister said", "Advertisement", "Presiden Joko Widodo meresmikan jalan tol.",
                "Editor:", "Tonton Video", "SCROLL TO CONTINUE WITH CONTENT"));
        try (Stream<Path> files = Stream.of("src/test/resources", "../examples").map(Path::of).filter(Files::isDirectory)
                .flatMap(PageChromeAlternationTest::walk)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".txt"))::iterator)
                for (String l : new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) lines.add(l.strip());
        }
        assertThat(lines.size()).isGreaterThan(50);
        int matched = 0;
        for (String l : lines) {
            PageChrome.Rule one = chrome.matchLine(l), each = chrome.matchEachLineRule(l);
            assertThat(one).as(l).isSameAs(each);
            if (each != null) matched++;
        }
        assertThat(matched).isGreaterThan(15);
    }

    @Test
    void renamesNamedGroupsOnlyOutsideClassesAndQuotes() {
        assertThat(PageChrome.renameGroups("(?i)(?:Editor)\\s*:\\s*(?<name>.+)", "r1x")).isEqualTo("(?i)(?:Editor)\\s*:\\s*(?<r1xname>.+)");
        assertThat(PageChrome.renameGroups("[(?<a>](?<=x)(?<!y)\\Q(?<b>\\E\\((?<c>z)", "p"))
                .isEqualTo("[(?<a>](?<=x)(?<!y)\\Q(?<b>\\E\\((?<pc>z)");
        assertThat(PageChrome.renameGroups("(?<w>a)\\k<w>", "p")).isNull();
        assertThat(PageChrome.renameGroups("(a)\\1", "p")).isNull();
    }

    @Test
    void aBackReferenceFallsBackToOneByOne() {
        List<PageChrome.Rule> rules = List.of(new PageChrome.Rule(Pattern.compile("(a)\\1"), PageChrome.Kind.LINE, "x"));
        assertThat(PageChrome.alternation(rules, new int[1])).isNull();
        int[] groups = new int[2];
        Pattern all = PageChrome.alternation(List.of(new PageChrome.Rule(Pattern.compile("(?<name>a)(b)"), PageChrome.Kind.AUTHOR, "x"),
                new PageChrome.Rule(Pattern.compile("(?<name>c)"), PageChrome.Kind.AUTHOR, "y")), groups);
        assertThat(all).isNotNull();
        assertThat(groups).containsExactly(1, 4);
    }

    private static Stream<Path> walk(Path d) {
        try {
            return Files.walk(d);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
