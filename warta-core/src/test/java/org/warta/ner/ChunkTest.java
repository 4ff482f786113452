package org.warta.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warta.lang.Languages;

/** Chunks read from BIO tags, and places named after a person joined (sentences written for this test). */
class ChunkTest {
    @Test
    void readsChunksAsConllevalDoes() {
        assertThat(Chunk.of(new String[] {"B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"}))
                .containsExactly(new Chunk(0, 2, "PER"), new Chunk(3, 4, "LOC"), new Chunk(4, 5, "LOC"), new Chunk(5, 6, "ORG"));
    }

    @Test
    void aPlaceHeadedByAStreetOrAirportWordTakesThePersonRightAfterIt() {
        Set<String> heads = Set.copyOf(new Languages(List.of()).get("id").words("named-after-heads.txt"));
        assertThat(heads).contains("jalan", "bandara");
        String[] words = {"Demo", "di", "Jalan", "Tunku", "Abdul", "Rahman", "dan", "Bandara", "Hang", "Nadim", "."};
        String[] tags = {"O", "O", "B-PLACE", "I-PLACE", "B-PERSON", "I-PERSON", "O", "B-PLACE", "B-PERSON", "I-PERSON", "O"};
        assertThat(Chunk.joinNamedAfter(Chunk.of(tags), words, heads))
                .containsExactly(new Chunk(2, 6, "PLACE"), new Chunk(7, 10, "PLACE"));
    }

    @Test
    void otherNeighboursStayApart() {
        Set<String> heads = Set.of("jalan");
        // a place without a head word, a person after a gap, and an organisation followed by its officer
        String[] words = {"Di", "Medan", "Budi", "Santoso", "ke", "Jalan", "Sudirman", ",", "Ani", "Universitas", "Jalan", "Ari", "Kuncoro"};
        String[] tags = {"O", "B-LOC", "B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O", "B-PER", "B-ORG", "I-ORG", "B-PER", "I-PER"};
        List<Chunk> chunks = Chunk.of(tags);
        assertThat(Chunk.joinNamedAfter(chunks, words, heads)).isEqualTo(chunks);
        assertThat(Chunk.joinNamedAfter(chunks, words, Set.of())).isSameAs(chunks);
    }
}
