package org.warta.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.warta.model.Actor;
import org.warta.model.Doc;
import org.warta.model.EntityMention;
import org.warta.model.Quote;
import org.warta.model.TimeExpr;
import org.warta.model.Token;

class DocJsonTest {
    @Test
    void writesAnnotationsWithCodePointOffsets() {
        String text = "\uD83D\uDE00 " + Fixtures.TEXT;
        Doc d = Fixtures.doc(text);
        int a = text.indexOf("Negara A dan");
        d.setEntities(java.util.List.of(new EntityMention(a, a + 8, "Negara A", EntityMention.Kind.COUNTRY,
                new Actor("Negara A", "USA", "GOV", null, null), null, -1)));
        int k = text.indexOf("kata");
        d.addQuote(new Quote(a, k - 2, k, k + 4, "kata", new Actor("menteri", "USA", "GOV", null, null), k + 5,
                k + 12, -1, false, null));
        d.addTime(new TimeExpr(0, 2, "\uD83D\uDE00", "DATE", "2024-10-30", "day", true));
        d.addToken(new Token(0, a, a + 6, "Negara", 1));

        JsonNode n = DocJson.node(d, "kb", true);
        assertThat(n.get("article").get("id").asText()).isEqualTo("art-1");
        assertThat(n.get("sentences")).hasSize(2);
        assertThat(n.get("sentences").get(1).get("start").asInt()).isEqualTo(a - 1);
        assertThat(n.get("entities").get(0).get("start").asInt()).isEqualTo(a - 1);
        assertThat(n.get("entities").get(0).get("kind").asText()).isEqualTo("country");
        assertThat(n.get("entities").get(0).get("actor").get("code").asText()).isEqualTo("USA");
        assertThat(n.get("quotes").get(0).get("cue").asText()).isEqualTo("kata");
        assertThat(n.get("quotes").get(0).get("speaker").get("text").asText()).isEqualTo("menteri");
        assertThat(n.get("quotes").get(0).get("cue_start").asInt()).isEqualTo(k - 1);
        assertThat(n.get("times").get(0).get("end").asInt()).isEqualTo(1);
        assertThat(n.get("tokens").get(0).get("text").asText()).isEqualTo("Negara");
        assertThat(n.get("events")).hasSize(1);
        assertThat(Schemas.errors("event", n.get("events").get(0))).isEmpty();
        assertThat(Schemas.errors("article", n.get("article"))).isEmpty();
        assertThat(DocJson.node(d, "kb", false).has("tokens")).isFalse();
    }
}
