package org.warta.store;

/** Kill and resume on PostgreSQL (each run in its own schema). */
class PostgresKillResumeTest extends KillResumeTest {
    @Override
    String url(String name) throws Exception {
        return PostgresSupport.freshSchema(PostgresSupport.url());
    }

    @Override
    String engine() {
        return "PostgreSQL";
    }
}
