package org.warta.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import org.warta.model.Actor;
import org.warta.model.Event;
import org.warta.model.Modality;

/**
 * Links the reports of different articles that describe the same real-world event into {@link Story
 * stories}. Two reports of different articles link when all of these hold (each is a setting of the
 * {@link Builder}, defaults in brackets):
 * <ul>
 *   <li>both are <b>eligible</b>: their modality is one of {@link Builder#modalities} [asserted,
 *       historical], so a future, hypothetical or negated event never links, and they name at least one
 *       participant (actor or recipient with a code or a name);</li>
 *   <li>their <b>days</b> are at most {@link Builder#windowDays} apart [2]: an event's day is its own date
 *       when the coder resolved it to the day, else the article's publication day; an unknown day on
 *       either side does not block;</li>
 *   <li>their <b>types</b> are compatible: the same PLOVER type, or, when {@link Builder#sameQuad} [true],
 *       the same PLOVER quad (verbal/material cooperation/conflict) if the article texts are also at least
 *       {@link Builder#quadTextSimilarity} [0.35] alike, which absorbs the coder's type slips between
 *       neighbouring types;</li>
 *   <li>their <b>participants</b> overlap: a referent in common ({@link Actor#sameReferent}) between the
 *       actors and recipients of one and those of the other (roles are pooled, since a passive or nominal
 *       clause can swap them), or, when {@link Builder#countryOverlap} [true], a country in common (the
 *       coder often gets the country right and the sector or the person wrong);</li>
 *   <li>their <b>locations</b> are compatible: unknown on either side, or the same country;</li>
 *   <li>the <b>articles' texts</b> are at least {@link Builder#minTextSimilarity} [0.1] alike (TF-IDF
 *       cosine over content words, {@link TextSimilarity}); skipped when either report has no text.</li>
 * </ul>
 * Article-level reports ({@link Report#ofArticle}, no event) link only to each other, when their
 * publication days are within the window and their texts are at least {@link Builder#articleTextSimilarity}
 * [0.3] alike: the fallback for articles whose events the coder missed or garbled.
 * <p>
 * Stories are built from these links strongest first (text similarity, then canonical order), like
 * single-linkage clustering, except that a link which would stretch a story over more than
 * {@link Builder#spanDays} [4] days is not made, so a long run of similar articles does not chain into one
 * story. Every report belongs to exactly one story, so reports that link to nothing (and ineligible ones)
 * are singleton stories. The result does not depend on the order of the input: reports are put in
 * canonical order ({@link #memberKey}) first, and ties are broken by that order. The text signal's IDF is
 * computed over the batch given to {@link #link}, so a text similarity depends a little on the batch.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * StoryLinker linker = StoryLinker.builder().windowDays(3).stopwords(words).build();
 * List<Story> stories = linker.link(reports);
 * }</pre>
 */
public final class StoryLinker {
    /** Why two reports do or do not link ({@link #check}). */
    public enum Verdict { LINK, SAME_ARTICLE, KIND, INELIGIBLE, DATE, TYPE, PARTICIPANTS, LOCATION, TEXT }

    private final int windowDays;
    private final int spanDays;
    private final Set<Modality> modalities;
    private final boolean sameQuad;
    private final double minTextSimilarity;
    private final double quadTextSimilarity;
    private final double articleTextSimilarity;
    private final boolean countryOverlap;
    private final Set<String> stopwords;

    private StoryLinker(Builder b) {
        this.windowDays = b.windowDays;
        this.spanDays = Math.max(b.spanDays, b.windowDays);
        this.modalities = Set.copyOf(b.modalities);
        this.sameQuad = b.sameQuad;
        this.minTextSimilarity = b.minTextSimilarity;
        this.quadTextSimilarity = b.quadTextSimilarity;
        this.articleTextSimilarity = b.articleTextSimilarity;
        this.countryOverlap = b.countryOverlap;
        this.stopwords = Set.copyOf(b.stopwords);
    }

    /** A linker with the default settings (no stop words). */
    public static StoryLinker defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Links the reports; see the class comment. Singletons included; stories earliest first, then by id. */
    public List<Story> link(Collection<Report> input) {
        List<Report> reports = canonical(input);
        TextSimilarity text = textSimilarity(reports);
        int n = reports.size();
        // candidate links: reports are compared only within a block (article-level reports; event reports
        // of one PLOVER quad, or of one type when the quad is unknown, that share a participant key: a
        // country code or a name), and there only when their days are within the window (sorted by day;
        // unknown days compare with everything)
        LocalDate[] days = new LocalDate[n];
        Map<String, List<Integer>> blocks = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            Report r = reports.get(i);
            days[i] = day(r);
            if (!eligible(r)) continue;
            for (String key : blocks(r)) blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        Map<String, Integer> articleIndex = new HashMap<>();
        int[] article = new int[n];
        for (int i = 0; i < n; i++) article[i] = articleIndex.computeIfAbsent(reports.get(i).articleId(), k -> articleIndex.size());
        Batch batch = new Batch(reports, days, article, text);
        List<double[]> links = new ArrayList<>();
        Set<Long> compared = new HashSet<>();
        for (List<Integer> block : blocks.values()) candidates(batch, block, compared, links);
        // strongest links first (text similarity), then canonical order; a link that would stretch a story
        // over more than spanDays is dropped, so a long run of similar articles does not chain into one story
        links.sort(Comparator.comparingDouble((double[] l) -> -l[2]).thenComparingDouble(l -> Math.min(l[0], l[1]))
                .thenComparingDouble(l -> Math.max(l[0], l[1])));
        int[] parent = new int[n];
        LocalDate[] first = new LocalDate[n], last = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            first[i] = days[i];
            last[i] = days[i];
        }
        for (double[] l : links) {
            int a = find(parent, (int) l[0]), b = find(parent, (int) l[1]);
            if (a == b) continue;
            LocalDate lo = min(first[a], first[b]), hi = max(last[a], last[b]);
            if (lo != null && hi != null && ChronoUnit.DAYS.between(lo, hi) > spanDays) continue;
            int root = Math.min(a, b);
            parent[Math.max(a, b)] = root;
            first[root] = lo;
            last[root] = hi;
        }
        Map<Integer, List<Report>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(reports.get(i));
        List<Story> stories = new ArrayList<>();
        for (List<Report> g : groups.values()) stories.add(story(g));
        stories.sort(Comparator.comparing((Story s) -> s.earliest().published(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Story::id));
        return List.copyOf(stories);
    }

    /** The text signal for a batch: one text per article (the first non-blank one in canonical order). */
    public TextSimilarity textSimilarity(Collection<Report> reports) {
        Map<String, String> texts = new TreeMap<>();
        for (Report r : canonical(reports)) {
            if (r.text() != null && !r.text().isBlank()) texts.putIfAbsent(r.articleId(), r.text());
        }
        return textSimilarity(texts);
    }

    /** The text signal for texts keyed by article id, with this linker's stop words. */
    public TextSimilarity textSimilarity(Map<String, String> textsByArticle) {
        return TextSimilarity.of(textsByArticle, stopwords);
    }

    /** Whether two reports link, or the first rule that keeps them apart (in the class comment's order). */
    public Verdict check(Report a, Report b, TextSimilarity text) {
        if (a.articleId().equals(b.articleId())) return Verdict.SAME_ARTICLE;
        if (a.articleLevel() != b.articleLevel()) return Verdict.KIND;
        if (!eligible(a) || !eligible(b)) return Verdict.INELIGIBLE;
        return compare(a, b, day(a), day(b), () -> text == null ? Double.NaN : text.similarity(a.articleId(), b.articleId()));
    }

    /**
     * The rules after eligibility, for two eligible reports of different articles and of the same kind; the
     * text similarity (NaN: unknown) is asked for only when a rule needs it, since it is the costly part.
     */
    private Verdict compare(Report a, Report b, LocalDate da, LocalDate db, DoubleSupplier similarity) {
        if (da != null && db != null && Math.abs(ChronoUnit.DAYS.between(da, db)) > windowDays) return Verdict.DATE;
        if (a.articleLevel()) {
            double sim = similarity.getAsDouble();
            return !Double.isNaN(sim) && sim >= articleTextSimilarity ? Verdict.LINK : Verdict.TEXT;
        }
        Event ea = a.event(), eb = b.event();
        if (!Objects.equals(ea.type(), eb.type())) {
            if (!sameQuad || ea.ploverQuad() == null || !ea.ploverQuad().equals(eb.ploverQuad())) return Verdict.TYPE;
            double sim = similarity.getAsDouble();
            if (!Double.isNaN(sim) && sim < quadTextSimilarity) return Verdict.TYPE;
        }
        if (!participantsOverlap(ea, eb, countryOverlap)) return Verdict.PARTICIPANTS;
        if (ea.location() != null && eb.location() != null && ea.location().country() != null
                && eb.location().country() != null && !ea.location().country().equals(eb.location().country())) {
            return Verdict.LOCATION;
        }
        double sim = similarity.getAsDouble();
        if (!Double.isNaN(sim) && sim < minTextSimilarity) return Verdict.TEXT;
        return Verdict.LINK;
    }

    /** Whether a report may link at all: an eligible modality and at least one known participant. */
    public boolean eligible(Report r) {
        if (r.articleLevel()) return true;
        Event e = r.event();
        Modality m = e.modality() == null ? Modality.ASSERTED : e.modality();
        if (!modalities.contains(m)) return false;
        for (Actor x : e.actor()) if (known(x)) return true;
        for (Actor x : e.recipient()) if (known(x)) return true;
        return false;
    }

    /** The report's day: the event's own date when resolved to the day, else the publication day, else null. */
    public static LocalDate day(Report r) {
        Event e = r.event();
        if (e != null && e.date() != null && e.date().length() >= 10 && (e.datePrecision() == null || "day".equals(e.datePrecision()))) {
            try {
                return LocalDate.parse(e.date().substring(0, 10));
            } catch (java.time.format.DateTimeParseException ignored) {
                // fall back to the publication day
            }
        }
        return r.published();
    }

    /** The key that orders reports and names stories: {@code articleId + "/" + eventId}. */
    public static String memberKey(Report r) {
        return r.articleId() + "/" + (r.event() == null ? "" : Objects.toString(r.event().id(), ""));
    }

    private static boolean known(Actor a) {
        return a != null && (a.code() != null || a.name() != null);
    }

    private static boolean participantsOverlap(Event a, Event b, boolean byCountry) {
        List<Actor> pa = new ArrayList<>(a.actor());
        pa.addAll(a.recipient());
        List<Actor> pb = new ArrayList<>(b.actor());
        pb.addAll(b.recipient());
        for (Actor x : pa) {
            if (!known(x)) continue;
            for (Actor y : pb) {
                if (!known(y)) continue;
                if (x.sameReferent(y) || byCountry && x.code() != null && x.code().equals(y.code())) return true;
            }
        }
        return false;
    }

    private static List<Report> canonical(Collection<Report> input) {
        List<Report> reports = new ArrayList<>(input);
        reports.sort(Comparator.comparing(StoryLinker::memberKey));
        return reports;
    }

    private static Story story(List<Report> members) {
        List<Report> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(Report::published, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(StoryLinker::memberKey));
        String key = members.stream().map(StoryLinker::memberKey).min(Comparator.naturalOrder()).orElseThrow();
        Set<String> articles = new HashSet<>(), sources = new HashSet<>();
        for (Report r : members) {
            articles.add(r.articleId());
            sources.add(r.outlet() != null && !r.outlet().isBlank() ? "o:" + r.outlet().strip().toLowerCase(Locale.ROOT)
                    : "a:" + r.articleId());
        }
        return new Story(sha16(key), sorted, articles.size(), sources.size(), sorted.get(0));
    }

    /** The first 16 hex characters of the SHA-256 of the key in UTF-8. */
    static String sha16(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java runtime", e);
        }
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    /** The blocks a report is compared in; two reports that may link share at least one. */
    private static Set<String> blocks(Report r) {
        if (r.articleLevel()) return Set.of("article");
        Event e = r.event();
        String kind = e.ploverQuad() != null ? "quad " + e.ploverQuad() : "type " + e.type();
        Set<String> keys = new java.util.TreeSet<>();
        List<Actor> all = new ArrayList<>(e.actor());
        all.addAll(e.recipient());
        for (Actor a : all) {
            if (a == null) continue;
            if (a.code() != null) keys.add(kind + " code " + a.code());
            if (a.name() != null) keys.add(kind + " name " + a.name());
        }
        return keys;
    }

    /** One call's reports with their days, article numbers, and the article similarities computed so far. */
    private record Batch(List<Report> reports, LocalDate[] days, int[] article, TextSimilarity text,
                         Map<Long, Double> similarities) {
        Batch(List<Report> reports, LocalDate[] days, int[] article, TextSimilarity text) {
            this(reports, days, article, text, new HashMap<>());
        }

        double similarity(int i, int j) {
            int a = Math.min(article[i], article[j]), b = Math.max(article[i], article[j]);
            // a * count + b: distinct keys with distinct hash codes while count² < 2³²
            return similarities.computeIfAbsent((long) a * article.length + b,
                    k -> text.similarity(reports.get(i).articleId(), reports.get(j).articleId()));
        }
    }

    private void candidates(Batch batch, List<Integer> block, Set<Long> compared, List<double[]> links) {
        LocalDate[] days = batch.days();
        List<Integer> dated = new ArrayList<>(), undated = new ArrayList<>();
        for (int i : block) (days[i] == null ? undated : dated).add(i);
        dated.sort(Comparator.comparing((Integer i) -> days[i]).thenComparing(i -> i));
        for (int x = 0; x < dated.size(); x++) {
            int i = dated.get(x);
            for (int y = x + 1; y < dated.size(); y++) {
                int j = dated.get(y);
                if (ChronoUnit.DAYS.between(days[i], days[j]) > windowDays) break;
                candidate(batch, i, j, compared, links);
            }
            for (int j : undated) candidate(batch, i, j, compared, links);
        }
        for (int x = 0; x < undated.size(); x++) {
            for (int y = x + 1; y < undated.size(); y++) candidate(batch, undated.get(x), undated.get(y), compared, links);
        }
    }

    private void candidate(Batch batch, int i, int j, Set<Long> compared, List<double[]> links) {
        if (batch.article()[i] == batch.article()[j]) return;
        int n = batch.article().length;
        if (!compared.add((long) Math.min(i, j) * n + Math.max(i, j))) return;
        Report a = batch.reports().get(i), b = batch.reports().get(j);
        if (compare(a, b, batch.days()[i], batch.days()[j], () -> batch.similarity(i, j)) != Verdict.LINK) return;
        double sim = batch.similarity(i, j);
        links.add(new double[] {i, j, Double.isNaN(sim) ? 0 : sim});
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /** Settings of a {@link StoryLinker}; the defaults are documented on each setter. */
    public static final class Builder {
        /** The default {@link #windowDays}. */
        public static final int DEFAULT_WINDOW_DAYS = 2;
        /** The default {@link #spanDays}. */
        public static final int DEFAULT_SPAN_DAYS = 4;
        /** The default {@link #minTextSimilarity}. */
        public static final double DEFAULT_MIN_TEXT_SIMILARITY = 0.1;
        /** The default {@link #articleTextSimilarity}. */
        public static final double DEFAULT_ARTICLE_TEXT_SIMILARITY = 0.3;

        private int windowDays = DEFAULT_WINDOW_DAYS;
        private int spanDays = DEFAULT_SPAN_DAYS;
        private Set<Modality> modalities = EnumSet.of(Modality.ASSERTED, Modality.HISTORICAL);
        private boolean sameQuad = true;
        private double minTextSimilarity = DEFAULT_MIN_TEXT_SIMILARITY;
        private double quadTextSimilarity = 0.35;
        private double articleTextSimilarity = DEFAULT_ARTICLE_TEXT_SIMILARITY;
        private boolean countryOverlap = true;
        private Set<String> stopwords = Set.of();

        private Builder() {}

        /** Most days between the two reports' days (default 2). */
        public Builder windowDays(int days) {
            if (days < 0) throw new IllegalArgumentException("windowDays must be >= 0: " + days);
            this.windowDays = days;
            return this;
        }

        /**
         * Most days between the earliest and the latest report of one story (default 4; never less than
         * the window): links that would stretch a story further are not made.
         */
        public Builder spanDays(int days) {
            if (days < 0) throw new IllegalArgumentException("spanDays must be >= 0: " + days);
            this.spanDays = days;
            return this;
        }

        /** Modalities that may link (default asserted and historical). */
        public Builder modalities(Collection<Modality> m) {
            if (m.isEmpty()) throw new IllegalArgumentException("modalities must not be empty");
            this.modalities = EnumSet.copyOf(m);
            return this;
        }

        /** Whether different types of the same PLOVER quad may link when the texts agree (default true). */
        public Builder sameQuad(boolean on) {
            this.sameQuad = on;
            return this;
        }

        /** Least article text similarity for two event reports to link, in [0, 1] (default 0.1). */
        public Builder minTextSimilarity(double s) {
            this.minTextSimilarity = fraction("minTextSimilarity", s);
            return this;
        }

        /** Least article text similarity for a same-quad link of different types, in [0, 1] (default 0.35). */
        public Builder quadTextSimilarity(double s) {
            this.quadTextSimilarity = fraction("quadTextSimilarity", s);
            return this;
        }

        /** The stop words of every language pack ({@code stopwords.txt}) as {@link #stopwords(Collection)}. */
        public Builder stopwords(org.warta.lang.Languages languages) {
            Set<String> words = new HashSet<>();
            for (String code : languages.codes()) words.addAll(languages.get(code).words("stopwords.txt"));
            return stopwords(words);
        }

        /** Least text similarity for two article-level reports to link, in [0, 1] (default 0.3). */
        public Builder articleTextSimilarity(double s) {
            this.articleTextSimilarity = fraction("articleTextSimilarity", s);
            return this;
        }

        /** Whether participants of the same country (any sector) count as overlapping (default true). */
        public Builder countryOverlap(boolean on) {
            this.countryOverlap = on;
            return this;
        }

        /** Words the text signal ignores (e.g. the language packs' {@code stopwords.txt}; default none). */
        public Builder stopwords(Collection<String> words) {
            this.stopwords = Set.copyOf(words);
            return this;
        }

        public StoryLinker build() {
            return new StoryLinker(this);
        }

        private static double fraction(String name, double s) {
            if (!(s >= 0 && s <= 1)) throw new IllegalArgumentException(name + " must be in [0, 1]: " + s);
            return s;
        }
    }
}
