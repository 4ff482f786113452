package org.warta.pipeline;

import static org.warta.Invariants.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.nio.charset.StandardCharsets;
import org.warta.Invariants;
import org.warta.TestPipelines;
import org.warta.io.ArticleJson;
import org.warta.io.EventJson;
import org.warta.io.Schemas;
import org.warta.model.Event;
import org.warta.model.Page;
import org.warta.read.InputException;

/**
 * Fuzz test of the whole core pipeline, event coder included (Jazzer): any text page is coded, or
 * refused with an error naming it. Every annotation of the doc lies within the article's text and agrees
 * with it, every event's evidence lies within its sentence, its date is a calendar date at its precision
 * ({@link Invariants#doc}), and each event's record is valid against {@code schema/event.schema.json}, the
 * article's against {@code schema/article.schema.json}.
 * Seeds: {@code src/test/resources/org/warta/pipeline/PipelineFuzzTestInputs/code/}.
 */
class PipelineFuzzTest {
    private static final JsonSchema EVENT_SCHEMA = Schemas.load("event");
    private static final JsonSchema ARTICLE_SCHEMA = Schemas.load("article");

    @FuzzTest(maxDuration = "3m")
    void code(byte[] input) {
        Page page = Page.text("fuzz.txt", new String(input, StandardCharsets.UTF_8));
        Pipeline.Result r;
        try {
            r = TestPipelines.pipeline().code(page, TestPipelines.AS_OF);
        } catch (InputException e) {
            check(e.input().equals("fuzz.txt"), "error names %s", e.input());
            return;
        }
        Invariants.article(r.article(), "fuzz.txt", new String(page.bytes(), StandardCharsets.UTF_8), false);
        Invariants.doc(r.doc());
        var articleErrors = ARTICLE_SCHEMA.validate(ArticleJson.node(r.article()));
        check(articleErrors.isEmpty(), "article record not valid against the schema: %s", articleErrors);
        for (Event e : r.events()) {
            JsonNode n = EventJson.node(e, r.article(), "kb");
            var errors = EVENT_SCHEMA.validate(n);
            check(errors.isEmpty(), "event record not valid against the schema: %s", errors);
        }
    }
}
