package org.warta.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.warta.model.Page;

/**
 * Reads a WARC file (plain or gzipped, as from Common Crawl News) with jwarc: each {@code response}
 * record whose HTTP payload is HTML becomes an HTML page named {@code FILE#N} (N the record's number,
 * from 1), with the record's target URI as its URL and its {@code WARC-Date} in the page's
 * {@code fetched} metadata; the payload is de-chunked and decompressed as its HTTP headers say, and
 * decoded in the WHATWG order with the HTTP {@code Content-Type} charset. Request, metadata, warcinfo
 * and other records, and responses that are not HTML or not status 200, are skipped.
 *
 * <p>Limits against hostile files: the decompressed stream is cut at {@link #maxDecompressedBytes()}
 * (a gzip bomb), each payload at {@link Inputs#maxBytes()} (the rest of that record is skipped), and at
 * most {@link #maxRecords()} records are read. A record that cannot be parsed (a lying
 * {@code Content-Length}, a truncated file) ends the file with an error naming it and the record; the
 * pages read before it are kept.
 */
public final class WarcPages {
    /** Metadata key of the crawl date (the record's {@code WARC-Date}). */
    public static final String FETCHED = "fetched";
    static final long DEFAULT_MAX_DECOMPRESSED = 4L << 30;
    static final int DEFAULT_MAX_RECORDS = 1_000_000;

    private WarcPages() {}

    static long maxDecompressedBytes() {
        return Limits.longProperty("warta.maxDecompressedBytes", DEFAULT_MAX_DECOMPRESSED);
    }

    static int maxRecords() {
        return Limits.intProperty("warta.maxWarcRecords", DEFAULT_MAX_RECORDS);
    }

    /** Whether the bytes start like a WARC record (after gunzip when gzipped). */
    static boolean looksLikeWarc(byte[] head) {
        return head.length >= 5 && head[0] == 'W' && head[1] == 'A' && head[2] == 'R' && head[3] == 'C' && head[4] == '/';
    }

    /**
     * Reads every HTML response of a WARC stream, as {@link Inputs} does for a {@code .warc} or
     * {@code .warc.gz} file; {@code raw} may be gzipped (one or many members). Pages are handed to
     * {@code ok} one at a time as they are read (nothing is held), problems to {@code failed}, each naming
     * {@code name} and the record; a broken record ends the stream, keeping the pages before it. The
     * stream is closed at the end. The crawl date is in the page's metadata under {@link #FETCHED}.
     */
    public static void read(String name, InputStream raw, Consumer<Page> ok, Consumer<InputException> failed) {
        int record = 0;
        int pages = 0;
        long limit = Inputs.maxBytes();
        int maxRecords = maxRecords();
        try (InputStream in = decompressed(raw); WarcReader reader = new WarcReader(in)) {
            reader.onWarning(w -> { }); // lenient parsing problems surface as exceptions below
            while (true) {
                Optional<WarcRecord> next;
                try {
                    next = reader.next();
                } catch (IOException | RuntimeException e) {
                    failed.accept(new InputException(name + "#" + (record + 1), "not a readable WARC record ("
                            + message(e) + "); " + pages + " pages read before it are kept"));
                    return;
                }
                if (next.isEmpty()) break;
                record++;
                if (record > maxRecords) {
                    failed.accept(new InputException(name, "more than " + maxRecords
                            + " WARC records; the rest is skipped (raise the limit with -Dwarta.maxWarcRecords=N)"));
                    return;
                }
                if (!(next.get() instanceof WarcResponse response)) continue;
                String recordName = name + "#" + record;
                try {
                    Page page = page(recordName, response, limit);
                    if (page != null) {
                        pages++;
                        ok.accept(page);
                    }
                } catch (InputException e) {
                    failed.accept(e);
                } catch (LimitedInputStream.LimitExceeded e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    failed.accept(new InputException(recordName, "cannot read the response record (" + message(e) + ")"));
                }
            }
        } catch (LimitedInputStream.LimitExceeded e) {
            failed.accept(new InputException(name, "decompresses to more than " + e.limit()
                    + " bytes; stopped there (raise the limit with -Dwarta.maxDecompressedBytes=N)"));
        } catch (IOException | RuntimeException e) {
            failed.accept(new InputException(name, "not a readable WARC file (" + message(e) + ")"));
        }
    }

    private static Page page(String name, WarcResponse response, long limit) throws IOException, InputException {
        MediaType type = response.contentType();
        if (type == null || !type.base().equals(MediaType.HTTP_RESPONSE.base())) return null;
        HttpResponse http = response.http();
        if (http.status() != 200) return null;
        String contentType = http.headers().first("Content-Type").orElse("");
        String base = contentType.toLowerCase(Locale.ROOT);
        if (!base.isBlank() && !base.contains("html")) return null;
        byte[] body;
        try (InputStream in = http.bodyDecoded().stream()) {
            body = LimitedInputStream.readAtMost(in, limit);
        }
        if (body == null)
            throw new InputException(name, "HTTP payload over the limit of " + limit
                    + " bytes; skipped (raise the limit with -Dwarta.maxInputBytes=N)");
        Map<String, String> meta = new LinkedHashMap<>();
        response.headers().first("WARC-Date").ifPresent(d -> meta.put(FETCHED, d.strip()));
        return Inputs.htmlPage(name, response.target(), body, contentType, meta);
    }

    /** The WARC stream, gunzipped when it starts with the gzip magic, cut at the decompression limit. */
    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 65536);
        in.mark(2);
        int a = in.read(), b = in.read();
        in.reset();
        InputStream s = a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 65536) : in;
        return new LimitedInputStream(s, maxDecompressedBytes());
    }

    /** The exception's class and first line, cut to 120 chars (parser messages may quote raw bytes). */
    private static String message(Throwable e) {
        String m = e.getMessage();
        String first = m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse("");
        if (first.length() > 120) first = first.substring(0, 120) + "…";
        return e.getClass().getSimpleName() + first;
    }
}
