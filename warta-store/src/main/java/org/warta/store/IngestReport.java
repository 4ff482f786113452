package org.warta.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts of an ingest run: pages read; articles new, updated (a changed version of a stored URL),
 * re-coded, duplicate (already stored: same id and content), near-duplicate (stored, linked to the
 * original it copies, without events of its own), failed (with reasons); events written; batches committed.
 */
public final class IngestReport {
    public int read, added, updated, recoded, duplicate, nearDuplicate, failed, events, batches;
    /** Of the failed: pages the pipeline failed on (a bug, not the input). */
    public int internalErrors;
    /** Of the failed: the names of the pages whose batch the store did not write (they may be tried again). */
    public final List<String> notStored = new ArrayList<>();
    public final List<String> failures = new ArrayList<>();

    /** One line: "12 read, 10 new, 1 updated, 1 duplicate, 0 near-duplicate, 0 failed, 57 events". */
    public String summary() {
        return read + " read, " + added + " new, " + updated + " updated, " + (recoded > 0 ? recoded + " re-coded, " : "")
                + duplicate + " duplicate, " + nearDuplicate + " near-duplicate, " + failed + " failed, " + events + " events";
    }

    @Override
    public String toString() {
        return summary();
    }
}
