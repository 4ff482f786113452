package org.warta.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warta.seed.SeedSupport.codeHtml;
import static org.warta.seed.SeedSupport.codeText;
import static org.warta.seed.SeedSupport.describe;
import static org.warta.seed.SeedSupport.multiset;
import static org.warta.seed.SeedSupport.multisetDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warta.pipeline.Pipeline;

/**
 * The seed in other clothes gives the same events: with CRLF line endings, without its footer lines, and
 * wrapped in minimal HTML. Events are compared as a multiset of signatures (type, mode, sorted actor codes,
 * sorted recipient codes, modality, sorted attribution names-or-codes, date); see {@link SeedSupport#signature}.
 * All variants are built at run time from the shared seed file.
 */
class SeedVariantsTest {
    private String source;
    private Map<String, Integer> original;

    @BeforeEach
    void codeOriginal() {
        source = SeedSupport.seedSource();
        Pipeline.Result r = codeText("seed.txt", source);
        original = multiset(r.events());
        // guard: the comparison is only meaningful if the original gives the seed's main events
        assertThat(original.keySet()).as("original events").anyMatch(s -> s.startsWith("REQUEST"))
                .anyMatch(s -> s.startsWith("MOBILIZE"));
    }

    private void assertSameEvents(String variant, Pipeline.Result r) {
        Map<String, Integer> got = multiset(r.events());
        List<String> diff = multisetDiff(original, got);
        assertThat(diff).as("%s gives other events than the original seed:\n%s\noriginal:\n%s", variant,
                String.join("\n", diff), describe(original)).isEmpty();
    }

    @Test
    void crlfLineEndings() {
        String crlf = source.replace("\r\n", "\n").replace("\n", "\r\n");
        assertThat(crlf).contains("\r\n");
        Pipeline.Result r = codeText("seed-crlf.txt", crlf);
        assertThat(r.article().text()).doesNotContain("\r");
        assertSameEvents("the seed with CRLF line endings", r);
    }

    @Test
    void withoutFooter() {
        int footer = SeedSupport.footerStart(source);
        assertThat(footer).as("footer in the seed").isPositive();
        String cut = source.substring(0, footer).replaceAll("[\\s\\u00a0]+$", "\n");
        assertThat(cut).doesNotContain("Berikan Komentar").doesNotContain("Exit mobile version");
        assertSameEvents("the seed without its footer lines", codeText("seed-nofooter.txt", cut));
    }

    @Test
    void wrappedInMinimalHtml() {
        String html = minimalHtml(source);
        Pipeline.Result r = codeHtml("seed.html", html);
        assertThat(r.article().title()).isEqualTo(firstLine(source));
        assertThat(r.article().text()).doesNotContain("Berikan Komentar").doesNotContain("Exit mobile version");
        assertSameEvents("the seed wrapped in minimal HTML", r);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElseThrow().strip();
    }

    /**
     * Title in {@code <title>} and {@code <h1>}, each body line (up to the footer) in a {@code <p>} inside
     * {@code <article>}, the footer lines after the article in a {@code <footer>}.
     */
    static String minimalHtml(String source) {
        int footer = SeedSupport.footerStart(source);
        String body = footer < 0 ? source : source.substring(0, footer);
        List<String> lines = new ArrayList<>();
        for (String l : body.split("\\R")) {
            String t = l.replace('\u00a0', ' ').strip();
            if (!t.isEmpty()) lines.add(t);
        }
        String title = lines.get(0);
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"id\">\n<head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title></head>\n<body>\n<article>\n<h1>").append(esc(title)).append("</h1>\n");
        for (String p : lines.subList(1, lines.size())) sb.append("<p>").append(esc(p)).append("</p>\n");
        sb.append("</article>\n");
        if (footer >= 0) {
            sb.append("<footer>\n");
            for (String l : source.substring(footer).split("\\R")) if (!l.isBlank()) sb.append("<p>").append(esc(l.strip())).append("</p>\n");
            sb.append("</footer>\n");
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
