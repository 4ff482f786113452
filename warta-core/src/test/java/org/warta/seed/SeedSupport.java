package org.warta.seed;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.warta.Warta;
import org.warta.model.Actor;
import org.warta.model.Attribution;
import org.warta.model.Event;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;

/**
 * Shared helpers of the seed tests: where the seed is (read at run time from the shared directory, system
 * property {@code warta.shared}; never copied into the repository), a pipeline pinned to the processing date
 * 2026-11-27, and the event signatures the variant, metamorphic and golden tests compare.
 */
final class SeedSupport {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    static final String SEED = "seed/000_19298bd37c9aef41.txt";
    /** The first line of the page footer (site chrome after the last body line). */
    static final String FOOTER_START = "Berikan Komentar:";

    private static Pipeline pipeline;

    private SeedSupport() {}

    /**
     * The seed's source text. Skips the calling test when the shared directory is absent (a user's clone),
     * but fails under {@code -Dwarta.ci=true}, where missing data is an error.
     */
    static String seedSource() {
        String prop = System.getProperty("warta.shared");
        Path file = prop == null || prop.isBlank() ? null : Path.of(prop).resolve(SEED);
        if (file == null || !Files.isRegularFile(file)) {
            String msg = "seed article not found: " + (file == null ? SEED : file)
                    + " (system property warta.shared=" + prop + ")";
            if ("true".equals(System.getProperty("warta.ci"))) fail(msg + "; under warta.ci=true this is a failure");
            Assumptions.assumeTrue(false, msg + "; skipping the seed tests");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    static synchronized Pipeline pipeline() {
        if (pipeline == null) pipeline = Warta.builder().asOf(AS_OF).build();
        return pipeline;
    }

    /** A freshly built pipeline (for checks that two independent runs agree). */
    static Pipeline freshPipeline() {
        return Warta.builder().asOf(AS_OF).build();
    }

    static Pipeline.Result codeText(String name, String text) {
        try {
            return pipeline().code(Page.text(name, text), AS_OF);
        } catch (Exception e) {
            throw new AssertionError("coding " + name + " failed", e);
        }
    }

    static Pipeline.Result codeHtml(String name, String html) {
        try {
            return pipeline().code(Page.html(name, "https://example.org/seed", html), AS_OF);
        } catch (Exception e) {
            throw new AssertionError("coding " + name + " failed", e);
        }
    }

    /** The part of a source text from the first footer line on; -1 if it has no footer. */
    static int footerStart(String source) {
        return source.indexOf(FOOTER_START);
    }

    /** Substring of {@code s} between two code-point offsets. */
    static String cpSubstring(String s, int cpStart, int cpEnd) {
        int a = s.offsetByCodePoints(0, cpStart);
        int b = s.offsetByCodePoints(a, cpEnd - cpStart);
        return s.substring(a, b);
    }

    static int charToCp(String s, int charIndex) {
        return s.codePointCount(0, charIndex);
    }

    static String normalizeSpace(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    // ---------------------------------------------------------------- signatures

    /** What an actor or source is called in a signature: its canonical name when it has one, else its code. */
    static String nameOrCode(Attribution a) {
        return a.name() != null ? a.name() : String.valueOf(a.code());
    }

    static List<String> sortedCodes(Collection<Actor> actors, UnaryOperator<String> codeMap) {
        return actors.stream().map(a -> codeMap.apply(String.valueOf(a.code()))).distinct().sorted().toList();
    }

    /**
     * The comparison key of the variant and metamorphic tests: type, mode, sorted distinct actor codes, sorted
     * distinct recipient codes, modality, sorted distinct attribution names-or-codes, date.
     */
    static String signature(Event e, UnaryOperator<String> codeMap, UnaryOperator<String> nameMap) {
        List<String> att = e.attribution().stream()
                .map(a -> a.name() != null ? nameMap.apply(a.name()) : codeMap.apply(String.valueOf(a.code())))
                .distinct().sorted().toList();
        return e.type() + " | " + e.mode() + " | actor " + sortedCodes(e.actor(), codeMap)
                + " | recipient " + sortedCodes(e.recipient(), codeMap) + " | " + e.modality().label()
                + " | by " + att + " | " + e.date();
    }

    static String signature(Event e) {
        return signature(e, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** A multiset of signatures (signature → count), sorted for readable failure messages. */
    static Map<String, Integer> multiset(List<Event> events, UnaryOperator<String> codeMap, UnaryOperator<String> nameMap) {
        Map<String, Integer> m = new TreeMap<>();
        for (Event e : events) m.merge(signature(e, codeMap, nameMap), 1, Integer::sum);
        return m;
    }

    static Map<String, Integer> multiset(List<Event> events) {
        return multiset(events, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** Lines of a readable difference between two signature multisets (empty when equal). */
    static List<String> multisetDiff(Map<String, Integer> expected, Map<String, Integer> actual) {
        List<String> out = new ArrayList<>();
        TreeMap<String, Integer> all = new TreeMap<>(expected);
        actual.forEach((k, v) -> all.putIfAbsent(k, 0));
        for (String k : all.keySet()) {
            int e = expected.getOrDefault(k, 0), a = actual.getOrDefault(k, 0);
            if (e != a) out.add((e > a ? "  missing " : "  extra   ") + Math.abs(e - a) + "× " + k);
        }
        return out;
    }

    static String describe(Map<String, Integer> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append("  ").append(v).append("× ").append(k).append('\n'));
        return sb.toString();
    }
}
