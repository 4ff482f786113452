package org.warta.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Builds WARC records, gzip members and pages for the reader tests; all text is made up here. */
final class ReadFixtures {
    private ReadFixtures() {}

    static final String PAGE = "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Warga Tanam Pohon di Bantaran Sungai</title>"
            + "<meta property=\"article:published_time\" content=\"2024-10-30T14:05:00+07:00\"></head><body>"
            + "<nav><a href=\"/\">Beranda</a> <a href=\"/n\">Nasional</a></nav><article><h1>Warga Tanam Pohon di Bantaran Sungai</h1>"
            + "<p>Ratusan warga menanam bibit pohon di bantaran sungai pada Rabu pagi, dipimpin kepala desa setempat.</p>"
            + "<p>Kegiatan itu, menurut panitia, bertujuan mencegah longsor dan banjir saat musim hujan tiba.</p>"
            + "</article><footer>Hak cipta</footer></body></html>";

    /** A WARC record with the given type, headers and block; {@code declared} overrides the Content-Length. */
    static byte[] record(String type, String uri, String contentType, byte[] block, Long declared) {
        String head = "WARC/1.0\r\n"
                + "WARC-Type: " + type + "\r\n"
                + "WARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes((type + uri + block.length).getBytes()) + ">\r\n"
                + "WARC-Date: 2024-10-30T07:10:00Z\r\n"
                + (uri == null ? "" : "WARC-Target-URI: " + uri + "\r\n")
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + (declared != null ? declared : block.length) + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(block);
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] response(String uri, String httpContentType, byte[] body) {
        String http = "HTTP/1.1 200 OK\r\nContent-Type: " + httpContentType + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.writeBytes(http.getBytes(StandardCharsets.US_ASCII));
        block.writeBytes(body);
        return record("response", uri, "application/http; msgtype=response", block.toByteArray(), null);
    }

    static byte[] request(String uri) {
        byte[] block = ("GET / HTTP/1.1\r\nHost: kabar.example\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return record("request", uri, "application/http; msgtype=request", block, null);
    }

    static byte[] metadata(String uri) {
        byte[] block = "fetchTimeMs: 120\r\n".getBytes(StandardCharsets.US_ASCII);
        return record("metadata", uri, "application/warc-fields", block, null);
    }

    static byte[] gzip(byte[]... members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : members) {
            try (GZIPOutputStream gz = new GZIPOutputStream(out) {
                @Override
                public void close() throws IOException {
                    finish(); // one member per record, as WARC.gz files are written; the target stays open
                }
            }) {
                gz.write(m);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** gzip of n zero bytes, streamed (a decompression bomb: a few KB that inflate to n bytes). */
    static byte[] gzipZeros(long n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 16];
            for (long left = n; left > 0; left -= zeros.length) gz.write(zeros, 0, (int) Math.min(zeros.length, left));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
