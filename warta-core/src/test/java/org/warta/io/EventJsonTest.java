package org.warta.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.Warta;
import org.warta.model.Article;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Modality;

class EventJsonTest {
    private static final String TEXT = Fixtures.TEXT;

    @Test
    void writesTheBriefsRecordWithSnakeCaseKeysInOrder() throws Exception {
        JsonNode n = Json.MAPPER.readTree(EventJson.line(Fixtures.event(TEXT), Fixtures.article(TEXT), "kb-2026-11-27"));
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "article_id", "event", "mode", "context", "cameo", "plover_quad",
                "cameo_quad", "score", "date", "date_precision", "date_inferred", "actor", "recipient", "location",
                "size", "modality", "attribution", "mentions", "confidence", "summary", "coder");
        assertThat(n.get("event").asText()).isEqualTo("REQUEST");
        assertThat(n.get("plover_quad").asInt()).isEqualTo(2);
        assertThat(n.get("date_inferred").asBoolean()).isTrue();
        assertThat(n.get("actor").get(1).get("wikidata").asText()).isEqualTo("Q42");
        assertThat(n.get("actor").get(0).has("wikidata")).isTrue();
        assertThat(n.get("actor").get(0).get("name").isNull()).isTrue();
        assertThat(n.get("recipient").get(0).get("code").asText()).isEqualTo("PRK");
        assertThat(n.get("location").get("resolution").asText()).isEqualTo("city");
        assertThat(n.get("size").get("troops").asLong()).isEqualTo(10000L);
        assertThat(n.get("modality").asText()).isEqualTo("asserted");
        assertThat(n.get("attribution").get(0).has("cue")).isFalse();
        assertThat(n.get("attribution").get(0).get("name").asText()).isEqualTo("Menteri Dua");
        JsonNode m1 = n.get("mentions").get(1);
        assertThat(m1.get("attribution").get("cue").asText()).isEqualTo("kata");
        assertThat(m1.get("source_start").asInt()).isEqualTo(m1.get("start").asInt() + 2);
        assertThat(TEXT.substring(m1.get("trigger_start").asInt(), m1.get("trigger_end").asInt())).isEqualTo("meminta");
        assertThat(n.get("mentions").get(0).get("attribution").isNull()).isTrue();
        assertThat(n.get("summary").get("en").asText()).startsWith("Countries A and C");
        assertThat(n.get("coder").get("warta").asText()).isEqualTo(Warta.VERSION);
        assertThat(n.get("coder").get("lang").asText()).isEqualTo("id-1");
        assertThat(n.get("coder").get("kb").asText()).isEqualTo("kb-2026-11-27");
        assertThat(Schemas.errors("event", n)).isEmpty();
    }

    @Test
    void omitsSourceOffsetsWhenTheInputHasNoSourceTextAndNullsWhatIsUnknown() {
        Event e = Fixtures.event(TEXT);
        List<EventMention> ms = new ArrayList<>();
        for (EventMention m : e.mentions()) {
            ms.add(new EventMention(m.sentence(), m.start(), m.end(), -1, -1, m.trigger(), -1, -1, m.modality(), null));
        }
        Event bare = new Event(e.id(), e.articleId(), "ASSAULT", null, List.of(), null, null, null, null, null, null,
                false, List.of(), List.of(), null, null, Modality.FUTURE, List.of(), ms, 0.5, null);
        ObjectNode n = EventJson.node(bare, (Article) null, null);
        assertThat(n.get("mentions").get(0).has("source_start")).isFalse();
        assertThat(n.get("mentions").get(0).has("source_end")).isFalse();
        assertThat(n.get("mentions").get(0).get("trigger_start").isNull()).isTrue();
        assertThat(n.get("location").isNull()).isTrue();
        assertThat(n.get("date").isNull()).isTrue();
        assertThat(n.get("coder").get("lang").asText()).isEqualTo("und-1");
        assertThat(Schemas.errors("event", n)).isEmpty();
    }

    @Test
    void offsetsAreCodePointsWhenTheTextHasCharactersOutsideTheBmp() {
        String text = "\uD83D\uDE00 " + TEXT; // an emoji (two Java chars, one code point) before the title
        Event e = Fixtures.event(text);
        JsonNode m1 = EventJson.node(e, Fixtures.article(text), "kb").get("mentions").get(1);
        int javaStart = text.indexOf("Negara A dan");
        assertThat(m1.get("start").asInt()).isEqualTo(javaStart - 1);
        assertThat(m1.get("end").asInt()).isEqualTo(text.codePointCount(0, text.length()));
        int ts = m1.get("trigger_start").asInt();
        int[] cps = text.codePoints().toArray();
        assertThat(new String(cps, ts, m1.get("trigger_end").asInt() - ts)).isEqualTo("meminta");
    }

    @Test
    void theSchemaIsStrict() {
        ObjectNode good = EventJson.node(Fixtures.event(TEXT), Fixtures.article(TEXT), "kb");
        assertThat(Schemas.errors("event", good)).isEmpty();

        ObjectNode badType = good.deepCopy();
        badType.put("event", "FIGHT");
        assertThat(Schemas.errors("event", badType)).isNotEmpty();

        ObjectNode badCountry = good.deepCopy();
        ((ObjectNode) badCountry.get("actor").get(0)).put("code", "us");
        assertThat(Schemas.errors("event", badCountry)).isNotEmpty();

        ObjectNode badModality = good.deepCopy();
        badModality.put("modality", "rumoured");
        assertThat(Schemas.errors("event", badModality)).isNotEmpty();

        ObjectNode badDate = good.deepCopy();
        badDate.put("date", "30/10/2024");
        assertThat(Schemas.errors("event", badDate)).isNotEmpty();

        ObjectNode badQuad = good.deepCopy();
        badQuad.put("plover_quad", 5);
        assertThat(Schemas.errors("event", badQuad)).isNotEmpty();

        ObjectNode negativeOffset = good.deepCopy();
        ((ObjectNode) negativeOffset.get("mentions").get(0)).put("start", -1);
        assertThat(Schemas.errors("event", negativeOffset)).isNotEmpty();

        ObjectNode missing = good.deepCopy();
        missing.remove("mentions");
        assertThat(Schemas.errors("event", missing)).isNotEmpty();

        ObjectNode extra = good.deepCopy();
        extra.put("eventType", "REQUEST");
        assertThat(Schemas.errors("event", extra)).isNotEmpty();

        ObjectNode monthDate = good.deepCopy();
        monthDate.put("date", "2024-10");
        monthDate.put("date_precision", "month");
        assertThat(Schemas.errors("event", monthDate)).isEmpty();
    }
}
