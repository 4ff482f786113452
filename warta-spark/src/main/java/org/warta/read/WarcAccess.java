package org.warta.read;

import java.io.InputStream;
import java.util.function.Consumer;
import org.warta.model.Page;

/**
 * The Spark job's door to the core's WARC reader ({@link WarcPages}, package-private), so that the job
 * reads WARC exactly as {@code warta code} does. It lives in {@code org.warta.read} for that reason only;
 * when the core makes a stream-reading WARC method public, call that instead and delete this class.
 */
public final class WarcAccess {
    /** The metadata key under which a page carries its record's {@code WARC-Date}. */
    public static final String FETCHED = WarcPages.FETCHED;

    private WarcAccess() {}

    /** Reads every HTML response of a WARC or WARC.gz stream, as {@link Inputs} does for a .warc file. */
    public static void read(String name, InputStream in, Consumer<Page> ok, Consumer<InputException> failed) {
        WarcPages.read(name, in, ok, failed);
    }
}
