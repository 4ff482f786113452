package org.warta.cli.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.warta.io.Json;

/**
 * The scoring of {@code bench/events-id/README.md} ("Scoring"), per (sentence, event) mention:
 * <ol>
 *   <li>each predicted event contributes one predicted mention per gold sentence that one of its mentions
 *       overlaps (offsets into the input text, code points); a mention inside an excluded span (site chrome)
 *       is a false positive, and so is one that overlaps no gold sentence;</li>
 *   <li>in each sentence, predicted and gold mentions are matched one-to-one, greedily: same type and the
 *       predicted actor countries intersect the gold's (or the gold actor has no country); the type-only
 *       figures drop the actor test;</li>
 *   <li>event F1 over mentions; over the matched pairs: actor and recipient country-set F1 (micro),
 *       modality accuracy, attribution accuracy (gold attributed: the same person by name when the gold names
 *       one, else the same country), date accuracy (gold date non-null: the same value at the gold's
 *       precision), location accuracy (gold location non-null: the same country); per-type precision and
 *       recall and a confusion table of types ({@code NONE} for a mention on one side only).</li>
 * </ol>
 * Feed it documents with {@link #add}, then read {@link #result()}. Not thread-safe.
 */
public final class EventsScorer {
    public static final String NONE = "NONE";

    /** A half-open range of code points of the input text. */
    public record Range(int start, int end) {
        boolean overlaps(int s, int e) { return s < end && start < e; }
        boolean contains(int s, int e) { return start <= s && e <= end; }
        boolean contains(int i) { return start <= i && i < end; }
    }

    /** A gold event as coded in one sentence. Countries may contain nulls (a participant with no country). */
    public record GoldEvent(String type, List<String> actorCountries, List<String> recipientCountries,
                            String modality, boolean attributed, String attributionName, String attributionCountry,
                            String date, boolean hasLocation, String locationCountry) {}

    public record GoldSentence(int index, int start, int end, List<GoldEvent> events) {}

    public record GoldDoc(String id, List<GoldSentence> sentences, List<Range> excluded) {}

    /**
     * One mention of a predicted event: its span and trigger position (code points into the input text;
     * trigger -1 when unknown), its modality and its attribution ({@code attributed} false when none).
     */
    public record PredictedMention(int start, int end, int trigger, String modality, boolean attributed,
                                   String attributionName, String attributionCountry) {}

    public record PredictedEvent(String type, Set<String> actorCountries, Set<String> recipientCountries,
                                 String date, String locationCountry, List<PredictedMention> mentions) {}

    /** A predicted mention placed in one gold sentence. */
    private record Placed(PredictedEvent event, PredictedMention mention) {}

    private record Pair(int gold, int pred, int score) {}

    // counts
    private int docs, sentences, gold, predicted, matched, typeMatched, excludedFp, unalignedFp;
    private int actorTp, actorFp, actorFn, recipientTp, recipientFp, recipientFn;
    private int modalityOk, attributionN, attributionOk, dateN, dateOk, locationN, locationOk;
    private final Map<String, int[]> perType = new TreeMap<>(); // gold, predicted, matched, typeMatched
    private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    private final ArrayNode perDoc = Json.array();

    /** Scores one document's predictions against its gold. */
    public void add(GoldDoc doc, List<PredictedEvent> predictions) {
        docs++;
        List<GoldSentence> sents = new ArrayList<>(doc.sentences());
        List<List<Placed>> placed = new ArrayList<>();
        for (int i = 0; i < sents.size(); i++) placed.add(new ArrayList<>());
        int docPredicted = 0, docGold = 0, docMatched = 0;

        for (PredictedEvent e : predictions) {
            Set<Integer> hit = new HashSet<>();
            for (PredictedMention m : e.mentions()) {
                if (inside(m, doc.excluded())) {
                    excludedFp++;
                    docPredicted += falsePositive(e.type());
                    continue;
                }
                boolean any = false;
                for (int i = 0; i < sents.size(); i++) {
                    GoldSentence s = sents.get(i);
                    if (m.start() < s.end() && s.start() < m.end()) {
                        any = true;
                        if (hit.add(i)) placed.get(i).add(new Placed(e, m));
                    }
                }
                if (!any) {
                    unalignedFp++;
                    docPredicted += falsePositive(e.type());
                }
            }
        }

        for (int i = 0; i < sents.size(); i++) {
            sentences++;
            List<GoldEvent> g = sents.get(i).events();
            List<Placed> p = placed.get(i);
            gold += g.size();
            predicted += p.size();
            docGold += g.size();
            docPredicted += p.size();
            for (GoldEvent x : g) type(x.type())[0]++;
            for (Placed x : p) type(x.event().type())[1]++;

            // event matching (type and actor test)
            for (Pair pair : match(g, p, true)) {
                matched++;
                docMatched++;
                GoldEvent ge = g.get(pair.gold());
                Placed pe = p.get(pair.pred());
                type(ge.type())[2]++;
                scorePair(ge, pe);
            }
            // type-only matching, and the confusion table
            List<Pair> typePairs = match(g, p, false);
            boolean[] gUsed = new boolean[g.size()];
            boolean[] pUsed = new boolean[p.size()];
            for (Pair pair : typePairs) {
                typeMatched++;
                type(g.get(pair.gold()).type())[3]++;
                confuse(g.get(pair.gold()).type(), p.get(pair.pred()).event().type());
                gUsed[pair.gold()] = true;
                pUsed[pair.pred()] = true;
            }
            int pi = 0;
            for (int gi = 0; gi < g.size(); gi++) {
                if (gUsed[gi]) continue;
                while (pi < p.size() && pUsed[pi]) pi++;
                if (pi < p.size()) {
                    confuse(g.get(gi).type(), p.get(pi).event().type());
                    pUsed[pi] = true;
                } else {
                    confuse(g.get(gi).type(), NONE);
                }
            }
            for (int k = 0; k < p.size(); k++) if (!pUsed[k]) confuse(NONE, p.get(k).event().type());
        }
        ObjectNode d = perDoc.addObject();
        d.put("doc", doc.id());
        d.put("gold", docGold);
        d.put("predicted", docPredicted);
        d.put("matched", docMatched);
        d.put("event_f1", f1(docMatched, docPredicted, docGold));
    }

    private int falsePositive(String type) {
        predicted++;
        type(type)[1]++;
        confuse(NONE, type);
        return 1;
    }

    /** A mention is inside chrome when its trigger is, or (no trigger position) its whole span is. */
    static boolean inside(PredictedMention m, List<Range> excluded) {
        for (Range r : excluded) {
            if (m.trigger() >= 0 ? r.contains(m.trigger()) : r.contains(m.start(), m.end())) return true;
        }
        return false;
    }

    /** Greedy one-to-one matching over the compatible pairs of one sentence. */
    private static List<Pair> match(List<GoldEvent> g, List<Placed> p, boolean actorTest) {
        List<Pair> candidates = new ArrayList<>();
        for (int gi = 0; gi < g.size(); gi++) {
            for (int pi = 0; pi < p.size(); pi++) {
                GoldEvent ge = g.get(gi);
                PredictedEvent pe = p.get(pi).event();
                if (!Objects.equals(ge.type(), pe.type())) continue;
                boolean actorsOk = actorsCompatible(ge, pe);
                if (actorTest && !actorsOk) continue;
                int score = (actorsOk ? 4 : 0)
                        + (countries(ge.recipientCountries()).equals(pe.recipientCountries()) ? 2 : 0)
                        + (Objects.equals(ge.modality(), p.get(pi).mention().modality()) ? 1 : 0);
                candidates.add(new Pair(gi, pi, score));
            }
        }
        // best agreement first; among equals, the pair whose members have the fewest alternatives (so that
        // a prediction that fits only one gold is not robbed of it), then document order
        int[] gOptions = new int[g.size()];
        int[] pOptions = new int[p.size()];
        for (Pair c : candidates) {
            gOptions[c.gold()]++;
            pOptions[c.pred()]++;
        }
        candidates.sort(Comparator.comparingInt(Pair::score).reversed()
                .thenComparingInt((Pair c) -> gOptions[c.gold()] + pOptions[c.pred()])
                .thenComparingInt(Pair::gold).thenComparingInt(Pair::pred));
        boolean[] gUsed = new boolean[g.size()];
        boolean[] pUsed = new boolean[p.size()];
        List<Pair> out = new ArrayList<>();
        for (Pair c : candidates) {
            if (gUsed[c.gold()] || pUsed[c.pred()]) continue;
            gUsed[c.gold()] = true;
            pUsed[c.pred()] = true;
            out.add(c);
        }
        return out;
    }

    static boolean actorsCompatible(GoldEvent g, PredictedEvent p) {
        Set<String> gc = countries(g.actorCountries());
        if (gc.isEmpty()) return true;
        for (String c : p.actorCountries()) if (gc.contains(c)) return true;
        return false;
    }

    private void scorePair(GoldEvent g, Placed p) {
        int[] a = setCounts(countries(g.actorCountries()), p.event().actorCountries());
        actorTp += a[0];
        actorFp += a[1];
        actorFn += a[2];
        int[] r = setCounts(countries(g.recipientCountries()), p.event().recipientCountries());
        recipientTp += r[0];
        recipientFp += r[1];
        recipientFn += r[2];
        PredictedMention m = p.mention();
        if (Objects.equals(g.modality(), m.modality())) modalityOk++;
        if (g.attributed()) {
            attributionN++;
            boolean ok;
            if (g.attributionName() != null) ok = m.attributionName() != null && norm(m.attributionName()).equals(norm(g.attributionName()));
            else if (g.attributionCountry() != null) ok = m.attributed() && g.attributionCountry().equals(m.attributionCountry());
            else ok = m.attributed();
            if (ok) attributionOk++;
        }
        if (g.date() != null) {
            dateN++;
            String d = p.event().date();
            if (d != null && d.length() >= g.date().length() && d.substring(0, g.date().length()).equals(g.date())) dateOk++;
        }
        if (g.hasLocation()) {
            locationN++;
            if (Objects.equals(g.locationCountry(), p.event().locationCountry())) locationOk++;
        }
    }

    static int[] setCounts(Set<String> gold, Set<String> pred) {
        int tp = 0;
        for (String c : pred) if (gold.contains(c)) tp++;
        return new int[] {tp, pred.size() - tp, gold.size() - tp};
    }

    static Set<String> countries(List<String> codes) {
        Set<String> s = new LinkedHashSet<>();
        for (String c : codes) if (c != null) s.add(c);
        return s;
    }

    private static String norm(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private int[] type(String t) {
        return perType.computeIfAbsent(t == null ? NONE : t, k -> new int[4]);
    }

    private void confuse(String goldType, String predType) {
        confusion.computeIfAbsent(goldType == null ? NONE : goldType, k -> new TreeMap<>())
                .merge(predType == null ? NONE : predType, 1, Integer::sum);
    }

    static double ratio(int num, int den) {
        return den == 0 ? 0.0 : (double) num / den;
    }

    static double f1(int matched, int predicted, int gold) {
        return predicted + gold == 0 ? 0.0 : 2.0 * matched / (predicted + gold);
    }

    /** Micro F1 of set counts; 1 when the matched pairs agree on having no countries at all, 0 with no pairs. */
    private double setF1(int tp, int fp, int fn) {
        return setF1(tp, fp, fn, matched > 0);
    }

    /** Micro F1 of set counts; with no codes on either side, 1 if there were pairs to compare, else 0. */
    static double setF1(int tp, int fp, int fn, boolean anyPairs) {
        if (tp + fp + fn == 0) return anyPairs ? 1.0 : 0.0;
        return 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** The scores: fractions in [0, 1] at the top level, counts and details below them. */
    public ObjectNode result() {
        ObjectNode o = Json.object();
        o.put("event_f1", f1(matched, predicted, gold));
        o.put("precision", ratio(matched, predicted));
        o.put("recall", ratio(matched, gold));
        o.put("type_f1", f1(typeMatched, predicted, gold));
        o.put("type_precision", ratio(typeMatched, predicted));
        o.put("type_recall", ratio(typeMatched, gold));
        // type_accuracy: share of gold mentions whose type is found in their sentence (type-only recall);
        // type_macro_f1: the type-only F1 of each type, averaged over the types
        o.put("type_accuracy", ratio(typeMatched, gold));
        double macro = 0;
        for (int[] v : perType.values()) macro += f1(v[3], v[1], v[0]);
        o.put("type_macro_f1", perType.isEmpty() ? 0 : macro / perType.size());
        o.put("actor_f1", setF1(actorTp, actorFp, actorFn));
        o.put("recipient_f1", setF1(recipientTp, recipientFp, recipientFn));
        o.put("modality_accuracy", ratio(modalityOk, matched));
        o.put("attribution_accuracy", ratio(attributionOk, attributionN));
        o.put("date_accuracy", ratio(dateOk, dateN));
        o.put("location_accuracy", ratio(locationOk, locationN));
        ObjectNode c = o.putObject("counts");
        c.put("docs", docs);
        c.put("sentences", sentences);
        c.put("gold", gold);
        c.put("predicted", predicted);
        c.put("matched", matched);
        c.put("type_matched", typeMatched);
        c.put("excluded_span_fp", excludedFp);
        c.put("unaligned_fp", unalignedFp);
        c.put("actor_tp", actorTp);
        c.put("actor_fp", actorFp);
        c.put("actor_fn", actorFn);
        c.put("recipient_tp", recipientTp);
        c.put("recipient_fp", recipientFp);
        c.put("recipient_fn", recipientFn);
        c.put("modality_correct", modalityOk);
        c.put("attribution_scored", attributionN);
        c.put("attribution_correct", attributionOk);
        c.put("date_scored", dateN);
        c.put("date_correct", dateOk);
        c.put("location_scored", locationN);
        c.put("location_correct", locationOk);
        putPerType(o, perType);
        putConfusion(o, confusion);
        o.set("per_doc", perDoc.deepCopy());
        return o;
    }

    /**
     * {@code per_type}: for each type (counts gold, predicted, matched[, type_matched]) its precision, recall,
     * F1 and the counts.
     */
    static void putPerType(ObjectNode o, Map<String, int[]> perType) {
        ObjectNode pt = o.putObject("per_type");
        for (Map.Entry<String, int[]> e : perType.entrySet()) {
            int[] v = e.getValue();
            ObjectNode t = pt.putObject(e.getKey());
            t.put("precision", ratio(v[2], v[1]));
            t.put("recall", ratio(v[2], v[0]));
            t.put("f1", f1(v[2], v[1], v[0]));
            t.put("gold", v[0]);
            t.put("predicted", v[1]);
            t.put("matched", v[2]);
            if (v.length > 3) t.put("type_matched", v[3]);
        }
    }

    /** {@code confusion}: gold type → predicted type → count. */
    static void putConfusion(ObjectNode o, Map<String, Map<String, Integer>> confusion) {
        ObjectNode conf = o.putObject("confusion");
        for (Map.Entry<String, Map<String, Integer>> e : confusion.entrySet()) {
            ObjectNode row = conf.putObject(e.getKey());
            e.getValue().forEach(row::put);
        }
    }
}
