package org.warta;

import java.time.LocalDate;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;

/** One shared pipeline for unit tests (building it loads the language packs and knowledge base). */
public final class TestPipelines {
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    private static Pipeline pipeline;

    private TestPipelines() {}

    public static synchronized Pipeline pipeline() {
        if (pipeline == null) pipeline = Warta.builder().asOf(AS_OF).build();
        return pipeline;
    }

    /** Codes a synthetic text page: a title line, a blank line, then the body. */
    public static Pipeline.Result code(String title, String body) {
        try {
            return pipeline().code(Page.text("test.txt", title + "\n\n" + body + "\n"), AS_OF);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
