package org.warta.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.warta.kb.KnowledgeBase;
import org.warta.model.Actor;
import org.warta.model.Attribution;
import org.warta.model.Doc;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.pipeline.Stage;

/**
 * Merges the one-mention events of an article into events: mentions of the same act (same type and
 * modality, compatible modes, actors and recipients) become one event with several mentions. Then gives
 * each event its stable id and English summary.
 *
 * <p>Compatible: the modes are equal or one is unknown; the actor code sets intersect or one is empty;
 * likewise the recipients. The merged event keeps the union of participants, the first explicit date and
 * location and the distinct sources as its attribution. Its confidence is the calibrated probability of
 * {@link Confidence}, computed over the merged events of the article.
 */
public final class EventMerger implements Stage {
    private final KnowledgeBase kb;
    private final Confidence confidence = Confidence.get();

    public EventMerger(KnowledgeBase kb) {
        this.kb = kb;
    }

    @Override
    public void process(Doc doc) {
        List<Event> merged = new ArrayList<>();
        for (Event e : doc.events()) {
            int target = -1;
            for (int i = 0; i < merged.size() && target < 0; i++) if (compatible(merged.get(i), e)) target = i;
            if (target < 0) merged.add(e);
            else merged.set(target, merge(merged.get(target), e));
        }
        List<Event> out = new ArrayList<>();
        for (Event e : merged) out.add(finish(doc, e, confidence.of(e, merged)));
        doc.setEvents(out);
    }

    static boolean compatible(Event a, Event b) {
        if (!a.type().equals(b.type()) || a.modality() != b.modality()) return false;
        if (a.mode() != null && b.mode() != null && !a.mode().equals(b.mode())) return false;
        return overlapOrEmpty(codes(a.actor()), codes(b.actor())) && overlapOrEmpty(codes(a.recipient()), codes(b.recipient()));
    }

    private static Set<String> codes(List<Actor> as) {
        Set<String> s = new HashSet<>();
        for (Actor a : as) if (a.code() != null) s.add(a.code());
        return s;
    }

    private static boolean overlapOrEmpty(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return true;
        for (String x : a) if (b.contains(x)) return true;
        return false;
    }

    private static List<Actor> union(List<Actor> a, List<Actor> b) {
        List<Actor> out = new ArrayList<>(a);
        for (Actor x : b) {
            boolean dup = false;
            for (Actor y : out) if (y.sameReferent(x) || (x.name() == null && y.name() == null && Objects.equals(x.code(), y.code()))) dup = true;
            if (!dup) out.add(x);
        }
        return out;
    }

    private static Event merge(Event a, Event b) {
        List<EventMention> mentions = new ArrayList<>(a.mentions());
        mentions.addAll(b.mentions());
        Set<Attribution> attrs = new LinkedHashSet<>(a.attribution());
        for (Attribution x : b.attribution()) {
            boolean dup = false;
            for (Attribution y : attrs) if (Objects.equals(x.name(), y.name()) && Objects.equals(x.code(), y.code())) dup = true;
            if (!dup) attrs.add(x);
        }
        boolean aExplicit = a.date() != null && !a.dateInferred();
        // a written date beats an inferred one, and any date beats none
        Event dateFrom = aExplicit || b.date() == null || (a.date() != null && b.dateInferred()) ? a : b;
        String mode = a.mode() != null ? a.mode() : b.mode();
        String cameo = a.mode() != null || b.mode() == null ? a.cameo() : b.cameo();
        return new Event(null, a.articleId(), a.type(), mode, a.context().isEmpty() ? b.context() : a.context(), cameo,
                a.ploverQuad(), a.cameoQuad(), a.mode() != null || b.mode() == null ? a.score() : b.score(),
                dateFrom.date(), dateFrom.datePrecision(), dateFrom.dateInferred(), union(a.actor(), b.actor()),
                union(a.recipient(), b.recipient()), a.location() != null ? a.location() : b.location(),
                a.size().isEmpty() ? b.size() : a.size(), a.modality(), new ArrayList<>(attrs), mentions,
                Math.max(a.confidence(), b.confidence()), null);
    }

    private Event finish(Doc doc, Event e, double conf) {
        EventMention first = e.mentions().get(0);
        String key = String.join("|", e.articleId(), e.type(), String.valueOf(e.mode()), String.join(",", sortedCodes(e.actor())),
                String.join(",", sortedCodes(e.recipient())), e.modality().label(), Integer.toString(first.triggerStart()));
        return new Event(hash(key), e.articleId(), e.type(), e.mode(), e.context(), e.cameo(), e.ploverQuad(), e.cameoQuad(),
                e.score(), e.date(), e.datePrecision(), e.dateInferred(), e.actor(), e.recipient(), e.location(), e.size(),
                e.modality(), e.attribution(), e.mentions(), conf, summary(e));
    }

    private static List<String> sortedCodes(List<Actor> as) {
        List<String> l = new ArrayList<>();
        for (Actor a : as) l.add(String.valueOf(a.code()));
        l.sort(null);
        return l;
    }

    /** The first 8 bytes of the key's SHA-256, as 16 lower-case hex digits. */
    static String hash(String key) {
        return org.warta.io.Digests.sha256Hex16(key);
    }

    /** "United States, South Korea → North Korea: REQUEST (yield), future (according to Lloyd Austin)." */
    private String summary(Event e) {
        StringBuilder sb = new StringBuilder();
        sb.append(names(e.actor()).isEmpty() ? "someone" : names(e.actor()));
        if (!e.recipient().isEmpty()) sb.append(" → ").append(names(e.recipient()));
        sb.append(": ").append(e.type());
        if (e.mode() != null) sb.append(" (").append(e.mode()).append(")");
        if (e.location() != null && e.location().country() != null)
            sb.append(" in ").append(kb.country(e.location().country()).map(KnowledgeBase.Country::nameEn).orElse(e.location().country()));
        if (e.modality() != org.warta.model.Modality.ASSERTED) sb.append(", ").append(e.modality().label());
        if (!e.attribution().isEmpty()) {
            List<String> src = new ArrayList<>();
            for (Attribution a : e.attribution())
                src.add(a.name() != null ? a.name() : a.code() != null ? kb.country(a.code()).map(KnowledgeBase.Country::nameEn).orElse(a.code()) : a.text());
            sb.append(" (according to ").append(String.join(", ", src)).append(")");
        }
        return sb.append('.').toString();
    }

    private String names(List<Actor> as) {
        List<String> out = new ArrayList<>();
        for (Actor a : as) {
            String n = a.name() != null ? a.name()
                    : a.code() != null ? kb.country(a.code()).map(KnowledgeBase.Country::nameEn).orElse(a.code()) : a.text();
            if (a.name() == null && a.sector() != null && !"GOV".equals(a.sector())) n = n + " (" + a.sector() + ")";
            if (!out.contains(n)) out.add(n);
        }
        return String.join(", ", out);
    }
}
