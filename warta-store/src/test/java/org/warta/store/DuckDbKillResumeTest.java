package org.warta.store;

/** Kill and resume on the embedded DuckDB store. */
class DuckDbKillResumeTest extends KillResumeTest {
    @Override
    String url(String name) {
        return null;
    }

    @Override
    String engine() {
        return "DuckDB";
    }
}
