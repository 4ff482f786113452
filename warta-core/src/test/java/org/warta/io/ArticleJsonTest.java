package org.warta.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.model.Article;

class ArticleJsonTest {
    @Test
    void writesTheArticleRecordAndItValidates() throws Exception {
        JsonNode n = Json.MAPPER.readTree(ArticleJson.line(Fixtures.article(Fixtures.TEXT)));
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "url", "canonical_url", "outlet", "title", "text", "language",
                "published", "published_precision", "published_inferred", "published_source", "modified", "dateline",
                "authors", "editors");
        assertThat(n.get("text").asText()).isEqualTo(Fixtures.TEXT);
        assertThat(n.get("canonical_url").isNull()).isTrue();
        assertThat(n.get("published_inferred").asBoolean()).isTrue();
        assertThat(n.get("editors").get(0).asText()).isEqualTo("abc");
        assertThat(Schemas.errors("article", n)).isEmpty();
    }

    @Test
    void publishedAtMinutePrecisionWithOffsetIsValidAndGarbageIsNot() {
        Article a = Fixtures.article("x").withPublished("2025-10-22T07:51+07:00", "minute", false);
        ObjectNode n = ArticleJson.node(a);
        assertThat(Schemas.errors("article", n)).isEmpty();
        n.put("published", "22 Oktober 2025");
        assertThat(Schemas.errors("article", n)).isNotEmpty();
        ObjectNode m = ArticleJson.node(a);
        m.remove("editors");
        assertThat(Schemas.errors("article", m)).isNotEmpty();
        assertThat(n.get("published_source").asText()).isEqualTo("text");
        ObjectNode src = ArticleJson.node(a);
        src.put("published_source", "guess");
        assertThat(Schemas.errors("article", src)).isNotEmpty();
        ObjectNode l = ArticleJson.node(a);
        l.put("language", "Indonesian");
        assertThat(Schemas.errors("article", l)).isNotEmpty();
    }
}
