package org.warta.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.warta.link.Report;
import org.warta.link.Story;

class LinkingEvalTest {
    static Story story(String id, int articles, int reports) {
        List<Report> rs = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            rs.add(Report.ofArticle("a" + (i % articles), null, null, LocalDate.of(2025, 1, 1), "teks berita"));
        }
        return new Story(id, rs, articles, articles, rs.get(0));
    }

    @Test
    void anArticleInSeveralStoriesIsFiledUnderTheWidestThenTheLargestThenTheSmallestId() {
        Map<String, Story> stories = Map.of("b", story("b", 2, 5), "c", story("c", 3, 3), "a", story("a", 3, 3),
                "d", story("d", 2, 2));
        assertThat(LinkingEval.mainStory(Map.of("b", 1, "d", 1), stories)).isEqualTo("b");
        assertThat(LinkingEval.mainStory(Map.of("b", 1, "c", 1), stories)).isEqualTo("c");
        assertThat(LinkingEval.mainStory(Map.of("a", 1, "b", 1, "c", 1), stories)).isEqualTo("a");
        assertThat(LinkingEval.mainStory(Map.of(), stories)).isNull();
        assertThat(LinkingEval.mainStory(null, stories)).isNull();
    }
}
