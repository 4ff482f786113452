package org.warta.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.warta.model.Doc;
import org.warta.model.EntityMention;
import org.warta.model.Event;
import org.warta.model.Quote;
import org.warta.model.Sentence;
import org.warta.model.PlaceMention;
import org.warta.model.TimeExpr;
import org.warta.model.Token;

/**
 * Writes an annotated {@link Doc}: the article record, then its stand-off annotations (sentences, tokens
 * when asked for, entity mentions with their actors, quotes with speaker and cue, time expressions, events
 * and warnings). Every offset is a Unicode code point offset into {@code article.text}, end exclusive.
 */
public final class DocJson {
    private DocJson() {}

    public static ObjectNode node(Doc doc, String kbVersion, boolean tokens) {
        Offsets off = new Offsets(doc.text());
        ObjectNode o = Json.object();
        o.set("article", ArticleJson.node(doc.article()));
        o.put("as_of", doc.asOf().toString());
        ArrayNode sentences = o.putArray("sentences");
        for (Sentence s : doc.sentences()) {
            ObjectNode n = sentences.addObject();
            n.put("index", s.index());
            n.put("start", off.cp(s.start()));
            n.put("end", off.cpEnd(s.end()));
            n.put("paragraph", s.paragraph());
        }
        if (tokens) {
            ArrayNode ts = o.putArray("tokens");
            for (Token t : doc.tokens()) {
                ObjectNode n = ts.addObject();
                n.put("index", t.index());
                n.put("start", off.cp(t.start()));
                n.put("end", off.cpEnd(t.end()));
                n.put("text", t.text());
                n.put("sentence", t.sentence());
            }
        }
        ArrayNode entities = o.putArray("entities");
        for (EntityMention m : doc.entities()) {
            ObjectNode n = entities.addObject();
            n.put("start", off.cp(m.start()));
            n.put("end", off.cpEnd(m.end()));
            n.put("text", m.text());
            n.put("kind", m.kind() == null ? null : m.kind().name().toLowerCase(java.util.Locale.ROOT));
            n.set("actor", m.actor() == null ? null : EventJson.actor(m.actor()));
            n.put("office", m.office());
            n.put("antecedent", m.antecedent());
        }
        ArrayNode quotes = o.putArray("quotes");
        for (Quote q : doc.quotes()) {
            ObjectNode n = quotes.addObject();
            n.put("start", off.cp(q.start()));
            n.put("end", off.cpEnd(q.end()));
            n.put("text", slice(doc.text(), q.start(), q.end()));
            n.put("direct", q.direct());
            n.put("cue", q.cue());
            n.put("cue_start", off.cp(q.cueStart()));
            n.put("cue_end", off.cpEnd(q.cueEnd()));
            n.set("speaker", q.speaker() == null ? null : EventJson.actor(q.speaker()));
            n.put("speaker_start", off.cp(q.speakerStart()));
            n.put("speaker_end", off.cpEnd(q.speakerEnd()));
            n.put("speaker_mention", q.speakerMention());
            n.put("modality", q.modality());
        }
        ArrayNode times = o.putArray("times");
        for (TimeExpr t : doc.times()) {
            ObjectNode n = times.addObject();
            n.put("start", off.cp(t.start()));
            n.put("end", off.cpEnd(t.end()));
            n.put("text", t.text());
            n.put("type", t.type());
            n.put("value", t.value());
            n.put("precision", t.precision());
            n.put("inferred", t.inferred());
        }
        ArrayNode places = o.putArray("places");
        for (PlaceMention p : doc.places()) {
            ObjectNode n = places.addObject();
            n.put("start", off.cp(p.start()));
            n.put("end", off.cpEnd(p.end()));
            n.put("preposition", p.preposition());
            n.setAll(EventJson.location(p.place()));
        }
        ArrayNode events = o.putArray("events");
        EventJson.Coder coder = EventJson.Coder.of(doc.article().language(), kbVersion);
        for (Event e : doc.events()) events.add(EventJson.node(e, off, coder));
        o.set("warnings", Json.strings(doc.warnings()));
        return o;
    }

    private static String slice(String text, int start, int end) {
        if (start < 0 || end > text.length() || start > end) return null;
        return text.substring(start, end);
    }
}
