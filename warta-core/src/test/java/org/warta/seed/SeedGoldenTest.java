package org.warta.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.warta.model.Actor;
import org.warta.model.Attribution;
import org.warta.model.Event;
import org.warta.model.EventMention;

/**
 * Golden test: the seed's events (processing date 2026-11-27), reduced to a compact signature per event, must
 * equal {@code src/test/resources/golden/seed.events.json} exactly.
 *
 * <p>The golden file holds <em>our</em> output, never the seed's text: per event its type, mode, modality,
 * date, actors and recipients (code, sector, canonical name), location country, size, distinct attributions
 * (code, name) and per mention the sentence index, trigger, modality and attribution (name, else code). Events
 * are sorted by their first mention, so the file reads in article order, one event per line.
 *
 * <p><b>Golden files are reviewed by hand, never regenerated blindly.</b> When this test fails, read the diff
 * it prints; for each changed event decide against the seed walk-through in {@code ../shared/docs/PRODUCT.md}
 * whether the new output is better. Only then rewrite the file with
 * {@code ./mvnw -o -pl warta-core test -Dtest=SeedGoldenTest -Dwarta.golden.update=true} and review the file's
 * diff ({@code git diff}) before committing it. Rewriting is refused under {@code -Dwarta.ci=true}.
 */
class SeedGoldenTest {
    static final String RESOURCE = "golden/seed.events.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void seedEventsMatchTheReviewedGoldenFile() throws IOException {
        String source = SeedSupport.seedSource();
        List<Event> events = SeedSupport.codeText("000_19298bd37c9aef41.txt", source).events();
        assertThat(events).isNotEmpty();
        String actual = render(events);

        if ("true".equals(System.getProperty("warta.golden.update"))) {
            if ("true".equals(System.getProperty("warta.ci"))) fail("warta.golden.update=true is refused under warta.ci=true");
            Path file = goldenSourceFile();
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            Assumptions.abort("golden file rewritten: " + file + " — review its diff by hand before committing");
        }

        String expected;
        try (InputStream in = SeedGoldenTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) fail("golden file " + RESOURCE + " missing from the test classpath");
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> want = canonicalLines(expected);
        List<String> got = canonicalLines(actual);
        if (!want.equals(got)) {
            fail("The seed's events differ from the reviewed golden file " + RESOURCE + " (- expected, + actual):\n"
                    + String.join("\n", diff(want, got))
                    + "\n\nGolden files are reviewed by hand, never regenerated blindly: check each changed event"
                    + " against the seed walk-through in ../shared/docs/PRODUCT.md; if the new output is right,"
                    + " rerun with -Dwarta.golden.update=true and review the file's diff before committing.");
        }
    }

    /** The file rewritten by {@code -Dwarta.golden.update=true}: the source copy, not the one in target/. */
    private static Path goldenSourceFile() {
        String root = System.getProperty("warta.root");
        Path module = root != null && !root.isBlank() ? Path.of(root, "warta-core") : Path.of("");
        return module.resolve("src/test/resources").resolve(RESOURCE).toAbsolutePath();
    }

    // ------------------------------------------------------------------ rendering

    static String render(List<Event> events) {
        List<ObjectNode> nodes = new ArrayList<>();
        for (Event e : events) nodes.add(node(e));
        nodes.sort(Comparator.comparing((ObjectNode n) -> n.get("mentions").path(0).path("sentence").asInt(Integer.MAX_VALUE))
                .thenComparing(n -> n.get("mentions").path(0).path("trigger").asText(""))
                .thenComparing(n -> n.get("type").asText()).thenComparing(ObjectNode::toString));
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < nodes.size(); i++) sb.append("  ").append(nodes.get(i)).append(i + 1 < nodes.size() ? ",\n" : "\n");
        return sb.append("]\n").toString();
    }

    static ObjectNode node(Event e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", e.type());
        n.put("mode", e.mode());
        n.put("modality", e.modality().label());
        n.put("date", e.date());
        n.set("actor", actors(e.actor()));
        n.set("recipient", actors(e.recipient()));
        n.put("location", e.location() == null ? null : e.location().country());
        ObjectNode size = n.putObject("size");
        new TreeMap<>(e.size()).forEach(size::put);
        ArrayNode att = n.putArray("attribution");
        e.attribution().stream().map(a -> a.code() + " " + (a.name() == null ? "-" : a.name())).distinct().sorted()
                .forEach(s -> {
                    int sp = s.indexOf(' ');
                    ObjectNode o = att.addObject();
                    o.put("code", "null".equals(s.substring(0, sp)) ? null : s.substring(0, sp));
                    o.put("name", "-".equals(s.substring(sp + 1)) ? null : s.substring(sp + 1));
                });
        ArrayNode ms = n.putArray("mentions");
        e.mentions().stream().sorted(Comparator.comparingInt(EventMention::sentence).thenComparingInt(EventMention::triggerStart))
                .forEach(m -> {
                    ObjectNode o = ms.addObject();
                    o.put("sentence", m.sentence());
                    o.put("trigger", m.trigger());
                    o.put("modality", m.modality() == null ? null : m.modality().label());
                    Attribution a = m.attribution();
                    o.put("by", a == null ? null : SeedSupport.nameOrCode(a));
                });
        return n;
    }

    private static ArrayNode actors(List<Actor> actors) {
        ArrayNode arr = JSON.createArrayNode();
        actors.stream().sorted(Comparator.comparing((Actor a) -> String.valueOf(a.code()))
                        .thenComparing(a -> String.valueOf(a.sector())).thenComparing(a -> String.valueOf(a.name())))
                .forEach(a -> {
                    ObjectNode o = arr.addObject();
                    o.put("code", a.code());
                    o.put("sector", a.sector());
                    o.put("name", a.name());
                });
        return arr;
    }

    /** One compact JSON object per line, whatever the file's formatting. */
    private static List<String> canonicalLines(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        assertThat(root.isArray()).as("golden file is a JSON array").isTrue();
        List<String> out = new ArrayList<>();
        for (JsonNode n : root) out.add(JSON.writeValueAsString(n));
        return out;
    }

    /** A line diff (longest common subsequence): unchanged lines shortened, removed with "-", added with "+". */
    static List<String> diff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--)
            for (int j = b.size() - 1; j >= 0; j--)
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        List<String> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                String same = a.get(i);
                out.add("  " + (same.length() > 100 ? same.substring(0, 100) + "… (unchanged)" : same));
                i++; j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add("+ " + b.get(j++));
            } else {
                out.add("- " + a.get(i++));
            }
        }
        return out;
    }

}
