package org.warta.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TsvTableTest {
    @Test
    void parsesHeaderRowsCommentsAndLists() {
        TsvTable t = TsvTable.parse("x.tsv", "# comment\na\tb\n\n1\tp|q\n");
        assertThat(t.columns()).containsExactly("a", "b");
        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().get(0).list("b")).containsExactly("p", "q");
        assertThat(t.rows().get(0).line()).isEqualTo(4);
    }

    @Test
    void aRowWithTheWrongFieldCountNamesFileAndLine() {
        assertThatThrownBy(() -> TsvTable.parse("lang/id/x.tsv", "a\tb\n1\t2\n3\n"))
                .isInstanceOf(DataFileException.class).hasMessageStartingWith("lang/id/x.tsv:3:");
    }

    @Test
    void aMissingRequiredFieldNamesFileAndLine() {
        TsvTable t = TsvTable.parse("f.tsv", "a\tb\n\t2\n");
        assertThatThrownBy(() -> t.rows().get(0).required("a")).hasMessageStartingWith("f.tsv:2:");
    }

    @Test
    void windowsLineEndsAByteOrderMarkAndNoFinalNewlineKeepFieldsAndLineNumbers() {
        TsvTable t = TsvTable.parse("w.tsv", "\uFEFFname\tkind\r\n# note\r\nBogor\tkota\r\n\r\nGarut\tkabupaten");
        assertThat(t.columns()).containsExactly("name", "kind");
        assertThat(t.rows()).extracting(r -> r.get("kind")).containsExactly("kota", "kabupaten");
        assertThat(t.rows()).extracting(TsvTable.Row::line).containsExactly(3, 5);
        assertThatThrownBy(() -> TsvTable.parse("w.tsv", "a\tb\r\n1\t2\r\n3\r\n"))
                .isInstanceOf(DataFileException.class).hasMessageStartingWith("w.tsv:3:");
    }
}
