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
}
