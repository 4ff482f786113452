package org.warta.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packed keys of {@link EventCoder.ShortWords}: one per word of up to seven Latin-1 chars, none for others. */
class ShortWordsTest {
    @Test
    void distinctWordsGetDistinctKeys() {
        Map<Long, String> seen = new HashMap<>();
        List<String> words = List.of("a", "b", "ab", "ba", "aa", "aaa", "\u0000a", "a\u0000", "\u0000", "\u0000\u0000", "dan", "yang",
                "di", "untuk", "menolak", "tolakan", "é", "ÿÿÿÿÿÿÿ", "\u0001", "\u0001\u0000", "bunyi");
        for (String w : words) {
            long k = EventCoder.ShortWords.key(w);
            assertThat(k).as(w).isNotZero();
            assertThat(seen.put(k, w)).as(w).isNull();
        }
        for (int a = 0; a < 256; a += 7)
            for (int b = 0; b < 256; b += 5) {
                String w = "" + (char) a + (char) b;
                String before = seen.put(EventCoder.ShortWords.key(w), w);
                assertThat(before == null || before.equals(w)).as(w).isTrue();
            }
    }

    @Test
    void longAndWideWordsAreNotPacked() {
        assertThat(EventCoder.ShortWords.key("")).isZero();
        assertThat(EventCoder.ShortWords.key("pemerintah")).isZero();
        assertThat(EventCoder.ShortWords.key("abcdefgh")).isZero();
        assertThat(EventCoder.ShortWords.key("ŝ")).isZero();
        assertThat(EventCoder.ShortWords.key("abcdefg")).isNotZero();
    }
}
