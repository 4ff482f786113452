package org.warta.store;

/** The SQL differences between the two engines; everything else is shared SQL. */
public enum Dialect {
    DUCKDB("BLOB", "DOUBLE"),
    POSTGRESQL("BYTEA", "DOUBLE PRECISION");

    final String blob;
    final String dbl;

    Dialect(String blob, String dbl) {
        this.blob = blob;
        this.dbl = dbl;
    }

    /** Replaces the type placeholders of a migration file. */
    String sql(String template) {
        return template.replace("${BLOB}", blob).replace("${DOUBLE}", dbl);
    }
}
