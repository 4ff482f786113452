package org.warta.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An article with its stand-off annotations. Stages of the pipeline read the annotations earlier stages
 * added and add their own; all offsets are char indexes into {@code article().text()}. A Doc belongs to
 * one thread while the pipeline runs on it.
 */
public final class Doc {
    private Article article;
    private final List<Sentence> sentences = new ArrayList<>();
    private final List<Token> tokens = new ArrayList<>();
    private final List<EntityMention> entities = new ArrayList<>();
    private final List<Quote> quotes = new ArrayList<>();
    private final List<TimeExpr> times = new ArrayList<>();
    private final List<PlaceMention> places = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private final java.time.LocalDate asOf;

    public Doc(Article article, java.time.LocalDate asOf) {
        this.article = Objects.requireNonNull(article);
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /** The processing date: the anchor for relative dates when the article has no date of its own. */
    public java.time.LocalDate asOf() { return asOf; }

    public Article article() { return article; }

    /** The date relative expressions and offices are resolved at: the article's day, else the processing date. */
    public java.time.LocalDate referenceDate() {
        return article.publishedDay().orElse(asOf);
    }

    public String text() { return article.text(); }

    /** Replace the article (stages that infer metadata, such as the publication date, do this). */
    public void article(Article updated) { this.article = Objects.requireNonNull(updated); }

    public List<Sentence> sentences() { return Collections.unmodifiableList(sentences); }
    public List<Token> tokens() { return Collections.unmodifiableList(tokens); }
    public List<EntityMention> entities() { return Collections.unmodifiableList(entities); }
    public List<Quote> quotes() { return Collections.unmodifiableList(quotes); }
    public List<TimeExpr> times() { return Collections.unmodifiableList(times); }
    /** Places named in the text, sorted by start and not overlapping. */
    public List<PlaceMention> places() { return Collections.unmodifiableList(places); }
    public List<Event> events() { return Collections.unmodifiableList(events); }
    public List<String> warnings() { return Collections.unmodifiableList(warnings); }

    public void addSentence(Sentence s) { sentences.add(s); }
    public void addToken(Token t) { tokens.add(t); }
    public void addQuote(Quote q) { quotes.add(q); }
    public void addTime(TimeExpr t) { times.add(t); }
    public void addPlace(PlaceMention p) { places.add(p); }
    public void addEvent(Event e) { events.add(e); }
    public void warn(String w) { warnings.add(w); }

    /** Replace all entity mentions (recognisers and coreference resolution rewrite the list). */
    public void setEntities(List<EntityMention> list) {
        entities.clear();
        entities.addAll(list);
    }

    public void setEvents(List<Event> list) {
        events.clear();
        events.addAll(list);
    }

    public String cover(Span s) { return article.text().substring(s.start(), s.end()); }

    /** Tokens of one sentence. */
    public List<Token> tokensOf(Sentence s) {
        int lo = 0, hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).sentence() < s.index()) lo = mid + 1;
            else hi = mid;
        }
        int end = lo;
        while (end < tokens.size() && tokens.get(end).sentence() == s.index()) end++;
        return Collections.unmodifiableList(tokens.subList(lo, end));
    }

    public Sentence sentenceAt(int charIndex) {
        for (Sentence s : sentences) if (s.start() <= charIndex && charIndex < s.end()) return s;
        return null;
    }
}
