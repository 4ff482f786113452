package org.warta.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlatFormatsTest {
    @Test
    void eventRowJoinsActorsAndGivesTheFirstMention() {
        List<String> r = Rows.event(Fixtures.event(Fixtures.TEXT), Fixtures.doc(Fixtures.TEXT));
        assertThat(r).hasSize(Rows.EVENT_COLUMNS.size());
        assertThat(col(r, "actor_codes")).isEqualTo("USA;KOR");
        assertThat(col(r, "actor_sectors")).isEqualTo("GOV");
        assertThat(col(r, "actor_names")).isEqualTo("Negara A;Menteri Satu");
        assertThat(col(r, "recipient_codes")).isEqualTo("PRK");
        assertThat(col(r, "location_country")).isEqualTo("USA");
        assertThat(col(r, "attribution_names")).isEqualTo("Menteri Dua");
        assertThat(col(r, "sentence")).isEqualTo("0");
        assertThat(col(r, "trigger")).isEqualTo("minta");
        assertThat(col(r, "sentence_text")).isEqualTo("Negara A minta Negara B mundur");
        assertThat(col(r, "mentions")).isEqualTo("2");
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        assertThat(CsvWriter.line(List.of("a", "b,c", "say \"hi\"", "two\nlines", ""))).isEqualTo(
                "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvWriter w = new CsvWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of("x", "y"));
        w.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("x,y\n");
    }

    @Test
    void tableAlignsColumnsAndCutsLongCells() {
        TableWriter t = new TableWriter(List.of("id", "title"), 10);
        t.row(List.of("1", "Pendek"));
        t.row(List.of("12345", "Judul yang sangat panjang sekali"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("id     title");
        assertThat(lines[1]).isEqualTo("1      Pendek");
        assertThat(lines[2]).isEqualTo("12345  Judul yan…");
    }

    private static String col(List<String> row, String name) {
        return row.get(Rows.EVENT_COLUMNS.indexOf(name));
    }
}
