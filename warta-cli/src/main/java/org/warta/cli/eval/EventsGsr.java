package org.warta.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.warta.io.EventJson;
import org.warta.io.Json;
import org.warta.model.Actor;
import org.warta.model.Event;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.read.InputException;

/**
 * The PLOVER gold standard records (a JSON array of records with {@code id}, {@code text}, {@code event},
 * {@code source} and {@code target}), scored as {@code bench/README.md} says: per sentence, the top-1
 * predicted event (highest confidence, then first) against the gold; no event counts as wrong.
 * <ul>
 *   <li>The GSR's PLOVER 0.5 names are mapped: DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE,
 *       FIGHT→ASSAULT.</li>
 *   <li>Codes on both sides are compared through {@code codes.tsv} beside the data file (JAP→JPN, …), and
 *       every intergovernmental code (Warta's UNO and EUR, and IGO) compares as IGO.</li>
 *   <li>{@code type_accuracy}: share of sentences whose top-1 type is the gold type; {@code type_macro_f1}
 *       over the gold and predicted types; {@code actor_f1}/{@code recipient_f1}: code-set F1 of the top-1
 *       event, micro over sentences; {@code event_f1}: a sentence's top-1 event is right when its type is
 *       the gold type and its actor codes meet the gold's (or the gold has none), precision over sentences
 *       with a prediction, recall over all.</li>
 * </ul>
 * The GSR has no gold for modality, attribution, date or location: those keys are null.
 */
public final class EventsGsr {
    /** The GSR's PLOVER 0.5 type names → the manual's (draft 2.0). */
    static final Map<String, String> TYPE_MAP = Map.of("DEMAND", "REQUEST", "DISAPPROVE", "ACCUSE",
            "INVESTIGATE", "ACCUSE", "FIGHT", "ASSAULT");
    /** Warta codes for intergovernmental bodies, compared as IGO. */
    static final Set<String> IGO_CODES = Set.of("IGO", "UNO", "EUR", "NATO");

    private final Pipeline pipeline;
    private final String kbVersion;
    private final Consumer<String> warn;

    public EventsGsr(Pipeline pipeline, String kbVersion, Consumer<String> warn) {
        this.pipeline = pipeline;
        this.kbVersion = kbVersion;
        this.warn = warn;
    }

    /** True if the path looks like a GSR file (a JSON array), not the events-id folder. */
    public static boolean isGsr(Path data) {
        return Files.isRegularFile(data) && data.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** One scored record: gold type and codes, the top-1 prediction (type null when none). */
    record Scored(String goldType, Set<String> goldActors, Set<String> goldRecipients, String predType,
                  Set<String> predActors, Set<String> predRecipients) {}

    public ObjectNode run(Path file, EventsEval.PredictionSink sink) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(file + ": not a readable PLOVER GSR JSON file: " + e.getMessage(), e);
        }
        if (!root.isArray()) throw new IOException(file + ": expected a JSON array of PLOVER GSR records");
        Map<String, String> codes = codeTable(file.toAbsolutePath().getParent().resolve("codes.tsv"));
        List<Scored> scored = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (JsonNode rec : root) {
            n++;
            String id = rec.path("id").asText("record " + n);
            String text = rec.path("text").asText("");
            String goldType = TYPE_MAP.getOrDefault(rec.path("event").asText(), rec.path("event").asText());
            Set<String> ga = codesOf(rec.path("source"), codes), gr = codesOf(rec.path("target"), codes);
            Event top = null;
            if (!text.isBlank()) {
                try {
                    String lang = rec.path("language").asText("en");
                    Page page = new Page(id, null, Page.MediaType.TEXT, text.strip().getBytes(StandardCharsets.UTF_8),
                            Map.of("language", lang));
                    LocalDate asOf = rec.path("date").isTextual() ? LocalDate.parse(rec.path("date").asText()) : pipeline.asOf();
                    Pipeline.Result r = pipeline.code(page, asOf);
                    for (Event e : r.events()) if (top == null || e.confidence() > top.confidence()) top = e;
                    if (sink != null) for (Event e : r.events()) sink.accept(id, EventJson.node(e, r.article(), kbVersion));
                } catch (InputException | RuntimeException e) {
                    failures.add(id);
                    warn.accept(id + ": not coded: " + e.getMessage());
                }
            }
            scored.add(top == null ? new Scored(goldType, ga, gr, null, Set.of(), Set.of())
                    : new Scored(goldType, ga, gr, top.type(), codesOfActors(top.actor(), codes), codesOfActors(top.recipient(), codes)));
        }
        ObjectNode o = score(scored);
        o.put("data", file.toString());
        o.set("failed_records", Json.strings(failures));
        return o;
    }

    /** The figures for a list of scored records (see the class comment). */
    static ObjectNode score(List<Scored> scored) {
        int n = scored.size(), typeOk = 0, predictedN = 0, eventOk = 0;
        int aTp = 0, aFp = 0, aFn = 0, rTp = 0, rFp = 0, rFn = 0;
        Map<String, int[]> perType = new TreeMap<>(); // gold, predicted, correct
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        for (Scored s : scored) {
            perType.computeIfAbsent(s.goldType(), k -> new int[3])[0]++;
            String p = s.predType() == null ? EventsScorer.NONE : s.predType();
            confusion.computeIfAbsent(s.goldType(), k -> new TreeMap<>()).merge(p, 1, Integer::sum);
            if (s.predType() == null) {
                aFn += s.goldActors().size();
                rFn += s.goldRecipients().size();
                continue;
            }
            predictedN++;
            perType.computeIfAbsent(s.predType(), k -> new int[3])[1]++;
            boolean typeRight = s.predType().equals(s.goldType());
            if (typeRight) {
                typeOk++;
                perType.get(s.goldType())[2]++;
            }
            int[] a = EventsScorer.setCounts(s.goldActors(), s.predActors());
            aTp += a[0];
            aFp += a[1];
            aFn += a[2];
            int[] r = EventsScorer.setCounts(s.goldRecipients(), s.predRecipients());
            rTp += r[0];
            rFp += r[1];
            rFn += r[2];
            if (typeRight && (s.goldActors().isEmpty() || a[0] > 0)) eventOk++;
        }
        ObjectNode o = Json.object();
        o.put("type_accuracy", EventsScorer.ratio(typeOk, n));
        double macro = 0;
        for (int[] v : perType.values()) macro += EventsScorer.f1(v[2], v[1], v[0]);
        o.put("type_macro_f1", perType.isEmpty() ? 0 : macro / perType.size());
        o.put("actor_f1", EventsScorer.setF1(aTp, aFp, aFn, predictedN > 0));
        o.put("recipient_f1", EventsScorer.setF1(rTp, rFp, rFn, predictedN > 0));
        o.put("event_f1", EventsScorer.f1(eventOk, predictedN, n));
        for (String k : List.of("modality_accuracy", "attribution_accuracy", "date_accuracy", "location_accuracy")) o.putNull(k);
        ObjectNode c = o.putObject("counts");
        c.put("sentences", n);
        c.put("predicted", predictedN);
        c.put("type_correct", typeOk);
        c.put("event_correct", eventOk);
        c.put("actor_tp", aTp);
        c.put("actor_fp", aFp);
        c.put("actor_fn", aFn);
        c.put("recipient_tp", rTp);
        c.put("recipient_fp", rFp);
        c.put("recipient_fn", rFn);
        EventsScorer.putPerType(o, perType);
        EventsScorer.putConfusion(o, confusion);
        return o;
    }

    /** {@code codes.tsv}: GSR code → code to compare as; empty when the file is absent. */
    static Map<String, String> codeTable(Path f) throws IOException {
        Map<String, String> m = new HashMap<>();
        if (!Files.isRegularFile(f)) return m;
        int line = 0;
        for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            line++;
            if (l.isBlank() || l.startsWith("#")) continue;
            String[] p = l.split("\t");
            if (p.length < 2) throw new IOException(f + ":" + line + ": expected GSR code and compare-as code");
            m.put(p[0].strip(), p[1].strip());
        }
        return m;
    }

    static String normalise(String code, Map<String, String> table) {
        if (code == null || code.isBlank()) return null;
        String c = code.strip().toUpperCase(Locale.ROOT);
        c = table.getOrDefault(c, c);
        return IGO_CODES.contains(c) ? "IGO" : c;
    }

    /** The codes of a GSR actor list; a null, string or missing list is empty. */
    static Set<String> codesOf(JsonNode list, Map<String, String> table) {
        Set<String> out = new LinkedHashSet<>();
        if (list != null && list.isArray())
            for (JsonNode a : list) {
                String c = normalise(a.path("code").asText(null), table);
                if (c != null) out.add(c);
            }
        return out;
    }

    private static Set<String> codesOfActors(List<Actor> actors, Map<String, String> table) {
        Set<String> out = new LinkedHashSet<>();
        for (Actor a : actors) {
            String c = normalise(a.code(), table);
            if (c != null) out.add(c);
        }
        return out;
    }
}
