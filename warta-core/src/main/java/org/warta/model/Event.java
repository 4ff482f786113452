package org.warta.model;

import java.util.List;
import java.util.Map;

/**
 * A PLOVER-typed event that one article reports, with its mentions (the evidence). Field names follow the
 * event record of the product brief; {@code org.warta.io.EventJson} writes it against
 * {@code schema/event.schema.json}.
 */
public record Event(
        String id,
        String articleId,
        String type,
        String mode,
        List<String> context,
        String cameo,
        Integer ploverQuad,
        Integer cameoQuad,
        Double score,
        String date,
        String datePrecision,
        boolean dateInferred,
        List<Actor> actor,
        List<Actor> recipient,
        Location location,
        Map<String, Long> size,
        Modality modality,
        List<Attribution> attribution,
        List<EventMention> mentions,
        double confidence,
        String summary) {

    public Event {
        context = List.copyOf(context);
        actor = List.copyOf(actor);
        recipient = List.copyOf(recipient);
        size = size == null ? Map.of() : Map.copyOf(size);
        attribution = List.copyOf(attribution);
        mentions = List.copyOf(mentions);
    }

    /** The same event with another location. */
    public Event withLocation(Location newLocation) {
        return new Event(id, articleId, type, mode, context, cameo, ploverQuad, cameoQuad, score, date, datePrecision,
                dateInferred, actor, recipient, newLocation, size, modality, attribution, mentions, confidence, summary);
    }

    /** The same event with another date. */
    public Event withDate(String newDate, String newPrecision, boolean newInferred) {
        return new Event(id, articleId, type, mode, context, cameo, ploverQuad, cameoQuad, score, newDate, newPrecision,
                newInferred, actor, recipient, location, size, modality, attribution, mentions, confidence, summary);
    }

    /** The same event, and each of its mentions, with another modality. */
    public Event withModality(Modality newModality) {
        List<EventMention> ms = new java.util.ArrayList<>();
        for (EventMention m : mentions)
            ms.add(new EventMention(m.sentence(), m.start(), m.end(), m.sourceStart(), m.sourceEnd(), m.trigger(), m.triggerStart(),
                    m.triggerEnd(), newModality, m.attribution()));
        return new Event(id, articleId, type, mode, context, cameo, ploverQuad, cameoQuad, score, date, datePrecision,
                dateInferred, actor, recipient, location, size, newModality, attribution, ms, confidence, summary);
    }

    /** The same event with other size fields. */
    public Event withSize(Map<String, Long> newSize) {
        return new Event(id, articleId, type, mode, context, cameo, ploverQuad, cameoQuad, score, date, datePrecision,
                dateInferred, actor, recipient, location, newSize, modality, attribution, mentions, confidence, summary);
    }
}
