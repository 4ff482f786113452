package org.warta.spark;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.warta.model.Page;
import org.warta.read.InputException;
import org.warta.read.Inputs;

/**
 * The one place where the Spark job turns a WARC stream into {@link Page}s (the seam to swap for the
 * core's WARC reader when it has one). It reads WARC or WARC.gz (jwarc detects the compression) and
 * gives one item per response record: an HTML page ({@code 200} responses whose payload is HTML), with the
 * record's target URI as URL and the record's date, or a skip (other records), or an error naming the
 * record. Pages are named {@code <file>#<record id>}.
 *
 * <pre>{@code
 * try (WarcPages pages = new WarcPages("crawl.warc.gz", in)) {
 *     while (pages.hasNext()) { WarcPages.Item item = pages.next(); ... }
 * }
 * }</pre>
 */
public final class WarcPages implements Iterator<WarcPages.Item>, Closeable {
    /**
     * One WARC record's outcome: a page (with the record's date), or an error, or neither (a record
     * that is not an HTML response, counted as skipped).
     */
    public record Item(Page page, Instant date, InputException error) {
        public boolean skipped() { return page == null && error == null; }
    }

    private final String name;
    private final WarcReader reader;
    private final Iterator<WarcRecord> records;
    private final long maxBytes = Inputs.maxBytes();

    public WarcPages(String name, InputStream in) throws IOException {
        this.name = name;
        this.reader = new WarcReader(in);
        this.records = reader.iterator();
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public Item next() {
        if (!hasNext()) throw new NoSuchElementException();
        WarcRecord record = records.next();
        String recordName = name + "#" + record.id();
        if (!(record instanceof WarcResponse response)) return new Item(null, record.date(), null);
        try {
            HttpResponse http = response.http();
            if (http.status() != 200) return new Item(null, record.date(), null);
            MediaType type = http.contentType();
            if (!isHtml(type)) return new Item(null, record.date(), null);
            byte[] body = read(http.bodyDecoded().stream(), recordName);
            String html = new String(body, charset(type));
            if (html.indexOf('\u0000') >= 0)
                throw new InputException(recordName, "binary content (NUL bytes) in an HTML response");
            Page page = new Page(recordName, response.target(), Page.MediaType.HTML,
                    html.getBytes(StandardCharsets.UTF_8), Map.of());
            return new Item(page, record.date(), null);
        } catch (InputException e) {
            return new Item(null, record.date(), e);
        } catch (IOException | RuntimeException e) {
            return new Item(null, record.date(), new InputException(recordName, "cannot read the HTTP response (" + e.getMessage() + ")"));
        }
    }

    private static boolean isHtml(MediaType type) {
        if (type == null) return false;
        String t = type.base().toString().toLowerCase(Locale.ROOT);
        return t.equals("text/html") || t.equals("application/xhtml+xml");
    }

    private static Charset charset(MediaType type) {
        String cs = type.parameters().get("charset");
        if (cs != null) {
            try {
                return Charset.forName(cs.strip());
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private byte[] read(InputStream in, String recordName) throws IOException, InputException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxBytes)
                throw new InputException(recordName, "response body over the limit of " + maxBytes + " bytes (-Dwarta.maxInputBytes=N)");
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** The record the reader stopped at, for error messages: its byte position in the (decompressed) file. */
    public long position() {
        return reader.position();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
