package org.warta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MultiRowInsertTest {

    @Test
    void rowsBeyondOneStatementAreAllWrittenWithTheirTypesAndNulls() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (s VARCHAR, i INTEGER, d DOUBLE, b BOOLEAN, day DATE, ts TIMESTAMP)");
            MultiRowInsert rows = new MultiRowInsert(c, "t", "s", "i", "d", "b", "day", "ts");
            int n = MultiRowInsert.MAX_PARAMETERS; // several statements' worth of six-column rows
            for (int k = 0; k < n; k++) {
                boolean blank = k % 7 == 0;
                rows.row().str(blank ? null : "it's " + k).integer(blank ? null : k).dbl(blank ? null : k / 2.0).bool(k % 2 == 0)
                        .date(blank ? null : LocalDate.of(2024, 1, 1).plusDays(k % 300))
                        .timestamp(blank ? null : Timestamp.valueOf("2024-05-06 07:08:09"));
            }
            assertThat(rows.pending()).isEqualTo(n);
            assertThat(rows.flush()).isEqualTo(n);
            assertThat(rows.pending()).isZero();
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(s), sum(i), count(day), count(ts), sum(CASE WHEN b THEN 1 ELSE 0 END) FROM t")) {
                rs.next();
                long blanks = (n + 6) / 7;
                long sum = 0;
                for (int k = 0; k < n; k++) if (k % 7 != 0) sum += k;
                assertThat(rs.getLong(1)).isEqualTo(n);
                assertThat(rs.getLong(2)).isEqualTo(n - blanks);
                assertThat(rs.getLong(3)).isEqualTo(sum);
                assertThat(rs.getLong(4)).isEqualTo(n - blanks);
                assertThat(rs.getLong(5)).isEqualTo(n - blanks);
                assertThat(rs.getLong(6)).isEqualTo(n / 2);
            }
            try (ResultSet rs = st.executeQuery("SELECT s, d, day FROM t WHERE i = 10")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("it's 10"); // a value with a quote is bound, not spliced
                assertThat(rs.getDouble(2)).isEqualTo(5.0);
                assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 11));
            }
        }
    }

    @Test
    void aRowWithTooFewOrTooManyValuesIsRefused() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            MultiRowInsert rows = new MultiRowInsert(c, "t", "a", "b");
            rows.row().str("x");
            assertThatThrownBy(rows::row).isInstanceOf(IllegalStateException.class).hasMessageContaining("not 1");
            MultiRowInsert more = new MultiRowInsert(c, "t", "a");
            assertThatThrownBy(() -> more.row().str("x").str("y")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not more");
            assertThat(new MultiRowInsert(c, "t", "a").flush()).isZero();
        }
    }
}
