package org.warta.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.warta.model.Actor;
import org.warta.model.Article;
import org.warta.model.Attribution;
import org.warta.model.Doc;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Modality;
import org.warta.model.Page;
import org.warta.model.Sentence;
import org.warta.pipeline.Pipeline;
import org.warta.pipeline.Stage;
import org.warta.read.InputException;

/**
 * A stand-in pipeline for the CLI tests, independent of the real stages: the article is the page text
 * (title = first line), every line a sentence, and one synthetic REQUEST event on the first sentence.
 * A page that starts with {@code [unextractable]} is an extraction error.
 */
final class FakePipeline {
    private FakePipeline() {}

    static Env.Pipelines factory() {
        return (asOf, kb) -> new Pipeline(FakePipeline::extract, List.of(new Sentences(), new OneEvent()), asOf);
    }

    static Article extract(Page page) throws InputException {
        String text = new String(page.bytes(), StandardCharsets.UTF_8);
        if (text.isBlank() || text.startsWith("[unextractable]")) throw new InputException(page.name(), "no article text found");
        int n = text.codePointCount(0, text.length());
        int[] src = new int[n + 1];
        for (int i = 0; i <= n; i++) src[i] = i;
        String title = text.lines().findFirst().orElse("");
        return new Article(id(text), page.name(), page.url(), null, "Contoh", title, text,
                page.meta("language") != null ? page.meta("language") : "id", "2024-10-30", "day", false, null,
                List.of(), List.of(), src);
    }

    static String id(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Sentences implements Stage {
        @Override
        public void process(Doc doc) {
            String t = doc.text();
            int start = 0, i = 0;
            while (start < t.length()) {
                int nl = t.indexOf('\n', start);
                int end = nl < 0 ? t.length() : nl;
                if (end > start) doc.addSentence(new Sentence(i++, start, end, i));
                start = end + 1;
            }
        }
    }

    static final class OneEvent implements Stage {
        @Override
        public void process(Doc doc) {
            Sentence s = doc.sentences().get(0);
            Attribution att = new Attribution("juru bicara", "USA", "GOV", "Juru Bicara", "kata");
            EventMention m = new EventMention(0, s.start(), s.end(), s.start(), s.end(), "minta", s.start(),
                    Math.min(s.end(), s.start() + 5), Modality.ASSERTED, att);
            doc.addEvent(new Event("ev-" + doc.article().id(), doc.article().id(), "REQUEST", null, List.of(), "10",
                    2, 1, -5.0, "2024-10-30", "day", false, List.of(new Actor("Negara A", "USA", "GOV", null, null)),
                    List.of(new Actor("Negara B", "PRK", "GOV", null, null)), null, Map.of(), Modality.ASSERTED,
                    List.of(att), List.of(m), 0.7, "A asks B, \"quoted\", to leave."));
        }
    }
}
