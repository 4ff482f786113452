package org.warta.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.warta.Warta;
import org.warta.lang.Languages;
import org.warta.model.Actor;
import org.warta.model.Event;
import org.warta.model.Modality;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;

/**
 * A new language is data only: the made-up "Zorbish" pack in test resources ({@code toylang/lang/zz/}: a few
 * affixes, prepositions, cues and three patterns, every other file a header) is found through {@code --kb}
 * and codes events with no change to the code.
 */
class NewLanguagePackTest {
    private static Path kbDir() throws URISyntaxException {
        return Path.of(NewLanguagePackTest.class.getResource("/toylang/lang/zz/events.tsv").toURI()).getParent().getParent().getParent();
    }

    private static List<Event> code(Pipeline p, String body) throws Exception {
        String text = "Zorbish\n\n" + body + "\n";
        Page page = new Page("zz.txt", null, Page.MediaType.TEXT, text.getBytes(StandardCharsets.UTF_8), Map.of("language", "zz"));
        return p.code(page, LocalDate.of(2026, 11, 27)).events();
    }

    private static List<String> codes(List<Actor> as) {
        return as.stream().map(Actor::code).toList();
    }

    @Test
    void aPackInAUserDirectoryIsDiscovered() throws Exception {
        assertThat(new Languages(List.of(kbDir())).codes()).contains("id", "en", "zz");
        assertThat(new Languages(List.of()).codes()).doesNotContain("zz");
    }

    @Test
    void theMadeUpPackCodesActiveAndPassiveEvents() throws Exception {
        Pipeline p = Warta.builder().kb(kbDir()).build();
        List<Event> active = code(p, "Japan grakka Chile.");
        assertThat(active).hasSize(1);
        assertThat(active.get(0).type()).isEqualTo("ASSAULT");
        assertThat(codes(active.get(0).actor())).containsExactly("JPN");
        assertThat(codes(active.get(0).recipient())).containsExactly("CHL");

        List<Event> passive = code(p, "Chile bugrak pa Japan.");
        assertThat(passive).hasSize(1);
        assertThat(codes(passive.get(0).actor())).containsExactly("JPN");
        assertThat(codes(passive.get(0).recipient())).containsExactly("CHL");

        List<Event> negatedMeeting = code(p, "Japan nai vellka zu Chile.");
        assertThat(negatedMeeting).extracting(Event::type).containsExactly("CONSULT");
        assertThat(negatedMeeting.get(0).modality()).isEqualTo(Modality.NEGATED);
    }
}
