package org.warta.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.warta.cli.eval.EventsScorer.GoldDoc;
import org.warta.cli.eval.EventsScorer.GoldEvent;
import org.warta.cli.eval.EventsScorer.GoldSentence;
import org.warta.cli.eval.EventsScorer.Range;
import org.warta.io.Json;

/**
 * The events-id data set: {@code docs.json} (top-level {@code docs}, and {@code seed_docs} scored apart),
 * {@code gold.jsonl} and {@code seed-gold.jsonl} (one line per sentence), and the text files they name.
 */
public final class EventsData {
    /** One document to code: its gold, its text file (read exactly as is) and its article date. */
    public record Item(GoldDoc gold, Path textFile, String text, String articleDate) {}

    public final List<Item> docs;
    public final List<Item> seed;

    private EventsData(List<Item> docs, List<Item> seed) {
        this.docs = docs;
        this.seed = seed;
    }

    /**
     * Loads the data set; {@code warn} receives notes on suspicious data (a sentence whose SHA-1 does not
     * match the text). Throws {@link IOException} naming the path when a file is missing.
     */
    public static EventsData load(Path dir, Consumer<String> warn) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("events data not found: " + dir.toAbsolutePath().normalize()
                    + " is not a directory (expected ../shared/bench/events-id with docs.json and gold.jsonl)");
        }
        Path docsFile = dir.resolve("docs.json");
        if (!Files.isRegularFile(docsFile)) throw new IOException("events data incomplete: " + docsFile + " is missing");
        JsonNode docsJson = Json.MAPPER.readTree(Files.readString(docsFile, StandardCharsets.UTF_8));
        Map<String, List<JsonNode>> gold = new LinkedHashMap<>();
        for (String name : List.of("gold.jsonl", "seed-gold.jsonl")) {
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) {
                if (name.equals("gold.jsonl")) throw new IOException("events data incomplete: " + f + " is missing");
                continue;
            }
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode n = Json.MAPPER.readTree(line);
                gold.computeIfAbsent(n.path("doc").asText(), k -> new ArrayList<>()).add(n);
            }
        }
        return new EventsData(items(dir, docsJson.path("docs"), gold, warn), items(dir, docsJson.path("seed_docs"), gold, warn));
    }

    private static List<Item> items(Path dir, JsonNode list, Map<String, List<JsonNode>> gold, Consumer<String> warn)
            throws IOException {
        List<Item> out = new ArrayList<>();
        for (JsonNode d : list) {
            String id = d.path("doc").asText();
            Path textFile = dir.resolve(d.path("text_file").asText()).normalize();
            if (!Files.isRegularFile(textFile)) throw new IOException("events data incomplete: " + textFile + " (text of " + id + ") is missing");
            String text = Files.readString(textFile, StandardCharsets.UTF_8);
            int[] cps = text.codePoints().toArray();
            List<Range> excluded = new ArrayList<>();
            for (JsonNode r : d.path("excluded_spans")) excluded.add(new Range(r.path("start").asInt(), r.path("end").asInt()));
            List<GoldSentence> sentences = new ArrayList<>();
            for (JsonNode s : gold.getOrDefault(id, List.of())) {
                int start = s.path("sentence_start").asInt();
                int end = s.path("sentence_end").asInt();
                String sha = s.path("sentence_sha1").asText(null);
                if (sha != null && (end > cps.length || !sha.equals(sha1(new String(cps, start, end - start))))) {
                    warn.accept(id + ": sentence " + s.path("sentence_index").asInt() + " does not match its sentence_sha1 (text or gold changed?)");
                }
                List<GoldEvent> events = new ArrayList<>();
                for (JsonNode e : s.path("events")) events.add(goldEvent(e));
                sentences.add(new GoldSentence(s.path("sentence_index").asInt(), start, end, events));
            }
            if (sentences.isEmpty()) warn.accept(id + ": no gold sentences");
            out.add(new Item(new GoldDoc(id, sentences, excluded), textFile, text, d.path("article_date").asText(null)));
        }
        return out;
    }

    static GoldEvent goldEvent(JsonNode e) {
        JsonNode att = e.path("attributed_to");
        JsonNode loc = e.path("location");
        return new GoldEvent(e.path("event").asText(), countries(e.path("actor")), countries(e.path("recipient")),
                text(e.path("modality")), att.isObject(), att.isObject() ? text(att.path("name")) : null,
                att.isObject() ? text(att.path("country")) : null, text(e.path("date")), loc.isObject(),
                loc.isObject() ? text(loc.path("country")) : null);
    }

    private static List<String> countries(JsonNode actors) {
        List<String> out = new ArrayList<>();
        if (actors.isArray()) for (JsonNode a : actors) out.add(text(a.path("country")));
        return out;
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
