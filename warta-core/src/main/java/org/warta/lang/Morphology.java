package org.warta.lang;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A data-driven affix analyser: it strips clitics, suffixes and prefixes listed in the pack's
 * {@code affixes.tsv} (with the sound a prefix may have swallowed: meN- before k, t, p, s) and keeps the
 * candidates the pack's root lexicon ({@code roots.txt}) knows. Indonesian needs it (mengerahkan,
 * dikerahkan, pengerahan → kerah); English uses the same engine with its suffixes.
 *
 * <p>Columns of {@code affixes.tsv}: {@code kind} (clitic, suffix, prefix), {@code affix}, {@code restore}
 * ({@code |}-separated letters a prefix may have replaced; {@code -} for none), {@code form} (what the
 * affix makes: active, passive, noun, adjective, base) and {@code requires} (for prefixes: a suffix that
 * must also be present to give that form, e.g. peN-…-an, or {@code -}). For a suffix, {@code restore} lists
 * what the suffix may have cut from the root ("accusing" → "accus" + "e"; {@code ~} undoes a doubled final
 * letter: "stopped" → "stop"). An optional {@code irregulars.tsv} ({@code word}, {@code root}, {@code form})
 * lists forms no affix rule reaches ("fought" → fight).
 */
public final class Morphology {
    /** One reading of a word: its root, and what its affixes make of it. */
    public record Analysis(String root, String prefix, String suffix, String form) {}

    private record Affix(String affix, List<String> restore, String form, String requires) {}

    private final List<Affix> clitics = new ArrayList<>();
    private final List<Affix> suffixes = new ArrayList<>();
    private final List<Affix> prefixes = new ArrayList<>();
    private final Set<String> lexicon = new HashSet<>();
    private final Map<String, Analysis> irregular = new java.util.HashMap<>();
    private final int minRoot;
    private final Map<String, List<Analysis>> cache = new ConcurrentHashMap<>();

    public Morphology(LanguagePack pack, Set<String> extraRoots) {
        for (TsvTable.Row r : pack.rows("affixes.tsv")) {
            String kind = r.required("kind");
            String restore = r.get("restore");
            List<String> restores = new ArrayList<>();
            if (restore.isEmpty() || restore.equals("-")) restores.add("");
            else for (String x : r.list("restore")) restores.add(x.equals("-") ? "" : x);
            Affix a = new Affix(r.required("affix").toLowerCase(Locale.ROOT), restores,
                    r.required("form"), r.get("requires").equals("-") ? "" : r.get("requires"));
            switch (kind) {
                case "clitic" -> clitics.add(a);
                case "suffix" -> suffixes.add(a);
                case "prefix" -> prefixes.add(a);
                default -> throw r.error("kind must be clitic, suffix or prefix: " + kind);
            }
        }
        for (String w : pack.words("roots.txt")) lexicon.add(w.toLowerCase(Locale.ROOT));
        if (pack.has("irregulars.tsv"))
            for (TsvTable.Row r : pack.rows("irregulars.tsv")) {
                String form = r.required("form");
                if (!Set.of("active", "passive", "noun", "base", "adjective").contains(form)) throw r.error("unknown form '" + form + "'");
                String root = r.required("root").toLowerCase(Locale.ROOT);
                irregular.put(r.required("word").toLowerCase(Locale.ROOT), new Analysis(root, "", "", form));
                lexicon.add(root);
            }
        for (String w : extraRoots) lexicon.add(w.toLowerCase(Locale.ROOT));
        this.minRoot = 3;
    }

    public boolean known(String root) {
        return lexicon.contains(root);
    }

    /**
     * Readings of a word whose root the lexicon knows, most-stripped first; when none is known, the
     * word itself as a base form.
     */
    public List<Analysis> analyze(String word) {
        List<Analysis> hit = cache.get(word); // keys are lower case: a hit means the word was already lower case
        if (hit != null) return hit;
        String w = word.toLowerCase(Locale.ROOT);
        if (cache.size() >= CACHE_MAX) cache.clear(); // bounded: a long run meets ever new words
        return cache.computeIfAbsent(w, this::compute);
    }

    private static final int CACHE_MAX = 200_000;

    /** The best root: the first known reading's root, else the word. */
    public String root(String word) {
        return analyze(word).get(0).root();
    }

    private List<Analysis> compute(String w) {
        Map<String, Analysis> found = new LinkedHashMap<>();
        Analysis irr = irregular.get(w);
        if (irr != null) return List.of(irr); // listed forms replace the rule readings
        List<String> stems = new ArrayList<>();
        stems.add(w);
        for (Affix c : clitics)
            if (w.endsWith(c.affix()) && w.length() - c.affix().length() >= minRoot)
                stems.add(w.substring(0, w.length() - c.affix().length()));
        List<Analysis> all = new ArrayList<>();
        for (String stem : stems) {
            List<Affix> sufOptions = new ArrayList<>();
            sufOptions.add(null);
            for (Affix s : suffixes) if (stem.endsWith(s.affix()) && stem.length() - s.affix().length() >= minRoot) sufOptions.add(s);
            for (Affix suf : sufOptions) {
                String body = suf == null ? stem : stem.substring(0, stem.length() - suf.affix().length());
                String sufName = suf == null ? "" : suf.affix();
                for (String b : suf == null ? List.of(body) : restored(body, suf.restore()))
                    addReadings(all, b, "", sufName, suf == null ? "base" : suf.form(), 0);
            }
        }
        // Prefer known roots; among them, those that stripped most (shortest root), then order found.
        all.sort((a, b) -> Integer.compare(a.root().length(), b.root().length()));
        for (Analysis a : all) if (lexicon.contains(a.root())) found.putIfAbsent(a.root() + "|" + a.form(), a);
        if (found.isEmpty()) return List.of(new Analysis(w, "", "", "base"));
        return List.copyOf(found.values());
    }

    /**
     * The bodies a suffix may have cut: the body with each restore string appended ("accus" + "e"), and for
     * {@code ~} the body with a doubled final letter undone ("stopp" → "stop").
     */
    private static List<String> restored(String body, List<String> restores) {
        List<String> out = new ArrayList<>(restores.size());
        for (String r : restores) {
            if (r.equals("~")) {
                int n = body.length();
                if (n >= 2 && body.charAt(n - 1) == body.charAt(n - 2)) out.add(body.substring(0, n - 1));
            } else {
                out.add(body + r);
            }
        }
        return out;
    }

    private void addReadings(List<Analysis> out, String body, String prefixSoFar, String suffix, String form, int depth) {
        out.add(new Analysis(body, prefixSoFar, suffix, form));
        if (depth >= 2) return;
        for (Affix p : prefixes) {
            if (!body.startsWith(p.affix())) continue;
            if (!p.requires().isEmpty() && !p.requires().equals(suffix)) continue;
            String rest = body.substring(p.affix().length());
            for (String restore : p.restore()) {
                String cand = restore + rest;
                if (cand.length() < minRoot) continue;
                addReadings(out, cand, prefixSoFar + p.affix() + "-", suffix, p.form(), depth + 1);
            }
        }
    }
}
