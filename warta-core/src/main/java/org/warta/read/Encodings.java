package org.warta.read;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Character-encoding labels as the WHATWG Encoding standard reads them: {@code iso-8859-1},
 * {@code us-ascii} and {@code latin1} mean windows-1252; an unknown label counts as no label. Also the
 * {@code <meta>} pre-scan of an HTML page's first bytes.
 */
final class Encodings {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** How many leading bytes are scanned for a {@code <meta>} charset (the WHATWG pre-scan uses 1024). */
    static final int PRESCAN = 4096;

    private static final Pattern META = Pattern.compile(
            "<meta\\b[^>]*?(?:charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)|content\\s*=\\s*[\"'][^\"']*charset\\s*=\\s*([A-Za-z0-9_.:-]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAM = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private Encodings() {}

    /** The charset of a label, or null when there is no label or Java does not know it. */
    static Charset charset(String label) {
        if (label == null || label.isBlank()) return null;
        String l = label.strip().toLowerCase(Locale.ROOT);
        switch (l) {
            case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252":
                return WINDOWS_1252;
            case "utf8", "utf-8", "unicode-1-1-utf-8":
                return StandardCharsets.UTF_8;
            default:
                try {
                    return Charset.isSupported(l) ? Charset.forName(l) : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
        }
    }

    /** The {@code charset} parameter of a Content-Type value, or null. */
    static String charsetParameter(String contentType) {
        if (contentType == null) return null;
        Matcher m = PARAM.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    /** The charset a {@code <meta>} element declares in the first {@link #PRESCAN} bytes, or null. */
    static String metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(head);
        if (!m.find()) return null;
        String label = m.group(1) != null ? m.group(1) : m.group(2);
        // A page that is really UTF-16 cannot say so in ASCII bytes; WHATWG reads such a label as UTF-8.
        if (label.toLowerCase(Locale.ROOT).startsWith("utf-16")) return "utf-8";
        return label;
    }
}
