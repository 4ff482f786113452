package org.warta.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.warta.model.Page;

/**
 * Reads what the user names on the command line into {@link Page}s: files, directories (recursive,
 * sorted, hidden files skipped), globs and {@code -} for standard input. Each input that cannot be read
 * becomes an {@link InputException} handed to {@code failed}; the batch always goes on.
 *
 * <pre>{@code
 * Inputs.read(List.of("news/", "extra/*.jsonl"), pages::add, e -> System.err.println(e.getMessage()));
 * }</pre>
 *
 * <p>Types by extension: {@code .txt} text pages, {@code .html}/{@code .htm} HTML, {@code .jsonl}/
 * {@code .ndjson} one page per line (fields {@code url, title, text|html, published, outlet, language}),
 * {@code .warc} WARC files (one page per HTML response record, streamed; see {@link WarcPages}),
 * {@code .xml}/{@code .rss}/{@code .atom} RSS and Atom feeds (one page per entry; see {@link Feeds}),
 * each optionally gzipped; other files (and standard input) are sniffed: WARC, a feed, HTML if they
 * start with {@code <}, else an error. Text is decoded in the WHATWG order: a byte-order mark, the
 * transport's charset (WARC), a {@code <meta>} charset (HTML), else strict UTF-8, else (text and HTML
 * only) windows-1252 with a warning in the page's {@code warning} metadata. Pages hold the decoded text
 * re-encoded as UTF-8. Pages inside a file are named {@code FILE#N}.
 */
public final class Inputs {
    /** Default size limit per input file: 50 MB; system property {@code warta.maxInputBytes} overrides it. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    /** Metadata key of a decoding warning on a page. */
    public static final String WARNING = "warning";

    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Kind { TEXT, HTML, JSONL, WARC, FEED, SNIFF }

    private Inputs() {}

    /** Reads every input; standard input is {@link System#in}. */
    public static void read(List<String> args, Consumer<Page> ok, Consumer<InputException> failed) {
        read(args, System.in, ok, failed);
    }

    /** Reads every input, taking {@code -} from the given stream. */
    public static void read(List<String> args, InputStream stdin, Consumer<Page> ok, Consumer<InputException> failed) {
        for (String arg : args) {
            if (arg.equals("-")) {
                readStdin(stdin, ok, failed);
                continue;
            }
            Path path;
            try {
                path = Paths.get(arg);
            } catch (RuntimeException e) {
                path = null;
            }
            if (path != null && Files.isDirectory(path)) {
                List<Path> files = listDirectory(path, arg, failed);
                for (Path f : files) readFile(f, f.toString(), ok, failed);
            } else if (path != null && Files.exists(path)) {
                readFile(path, arg, ok, failed);
            } else if (isGlob(arg)) {
                List<Path> files = glob(arg, failed);
                if (files != null && files.isEmpty())
                    failed.accept(new InputException(arg, "no files match this pattern; check the pattern and the directory"));
                if (files != null) for (Path f : files) readFile(f, f.toString(), ok, failed);
            } else {
                failed.accept(new InputException(arg, "no such file or directory; check the path"));
            }
        }
    }

    /** The size limit in bytes for one input. */
    public static long maxBytes() {
        return Limits.longProperty("warta.maxInputBytes", DEFAULT_MAX_BYTES); // like the other limits: <= 0 keeps the default
    }

    private static boolean isGlob(String arg) {
        return arg.indexOf('*') >= 0 || arg.indexOf('?') >= 0 || arg.indexOf('[') >= 0 || arg.indexOf('{') >= 0;
    }

    /**
     * Files a directory contributes: the input types Warta reads. Other files in a folder (a README,
     * images, notes) are not inputs; named one by one they are sniffed and, if unreadable, reported.
     */
    private static final java.util.regex.Pattern INPUT_NAME =
            java.util.regex.Pattern.compile("(?i).+\\.(txt|html?|jsonl|ndjson|warc|xml|rss|atom)(\\.gz)?");

    private static boolean hidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }

    private static List<Path> listDirectory(Path dir, String name, Consumer<InputException> failed) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !hidden(dir.relativize(p)))
                    .filter(p -> INPUT_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException | RuntimeException e) {
            failed.accept(new InputException(name, "cannot list the directory (" + e.getMessage() + "); check its permissions"));
            return List.of();
        }
    }

    private static List<Path> glob(String pattern, Consumer<InputException> failed) {
        // The base directory is the longest leading part of the pattern without glob characters.
        String normalized = pattern.replace('\\', '/');
        int firstMeta = normalized.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int i = normalized.indexOf(c);
            if (i >= 0) firstMeta = Math.min(firstMeta, i);
        }
        int slash = normalized.lastIndexOf('/', firstMeta);
        Path base = slash < 0 ? Paths.get(".") : Paths.get(slash == 0 ? "/" : normalized.substring(0, slash));
        String rest = slash < 0 ? normalized : normalized.substring(slash + 1);
        if (!Files.isDirectory(base)) return List.of();
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        } catch (RuntimeException e) {
            failed.accept(new InputException(pattern, "not a valid glob pattern (" + e.getMessage() + ")"));
            return null;
        }
        try (Stream<Path> s = Files.walk(base)) {
            List<Path> out = new ArrayList<>();
            s.filter(Files::isRegularFile).sorted().forEach(p -> {
                Path rel = base.relativize(p);
                if (!hidden(rel) && matcher.matches(rel)) out.add(slash < 0 ? rel : p);
            });
            return out;
        } catch (IOException | RuntimeException e) {
            failed.accept(new InputException(pattern, "cannot list files for this pattern (" + e.getMessage() + ")"));
            return null;
        }
    }

    private static void readStdin(InputStream in, Consumer<Page> ok, Consumer<InputException> failed) {
        String name = "-";
        byte[] bytes;
        try {
            bytes = readLimited(in, name);
        } catch (InputException e) {
            failed.accept(e);
            return;
        } catch (IOException e) {
            failed.accept(new InputException(name, "cannot read standard input: " + e.getMessage()));
            return;
        }
        if (isGzip(bytes)) {
            try {
                bytes = readLimited(new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)), name);
            } catch (InputException e) {
                failed.accept(e);
                return;
            } catch (IOException e) {
                failed.accept(new InputException(name, "corrupt gzip data on standard input: " + e.getMessage()));
                return;
            }
        }
        Kind kind = sniff(bytes);
        if (kind == Kind.SNIFF) kind = firstNonSpace(bytes) == '{' ? Kind.JSONL : Kind.TEXT;
        deliver(name, bytes, kind, ok, failed);
    }

    private static void readFile(Path path, String name, Consumer<Page> ok, Consumer<InputException> failed) {
        String fileName = path.getFileName() == null ? name : path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gz = fileName.endsWith(".gz");
        String base = gz ? fileName.substring(0, fileName.length() - 3) : fileName;
        Kind kind;
        if (base.endsWith(".txt")) kind = Kind.TEXT;
        else if (base.endsWith(".html") || base.endsWith(".htm")) kind = Kind.HTML;
        else if (base.endsWith(".jsonl") || base.endsWith(".ndjson")) kind = Kind.JSONL;
        else if (base.endsWith(".warc")) kind = Kind.WARC;
        else if (base.endsWith(".xml") || base.endsWith(".rss") || base.endsWith(".atom")) kind = Kind.FEED;
        else kind = Kind.SNIFF;
        if (kind == Kind.WARC) {
            // Streamed record by record: a crawl file may be far larger than one input's limit.
            try (InputStream in = Files.newInputStream(path)) {
                WarcPages.read(name, in, ok, failed);
            } catch (IOException | RuntimeException e) {
                failed.accept(new InputException(name, "cannot read the file (" + e.getMessage() + ")"));
            }
            return;
        }
        long limit = maxBytes();
        byte[] bytes;
        try {
            if (!Files.isReadable(path)) {
                failed.accept(new InputException(name, "file is not readable; check its permissions"));
                return;
            }
            long size = Files.size(path);
            if (size > limit)
                throw tooLarge(name, size, limit);
            if (gz) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
                    bytes = readLimited(in, name);
                } catch (java.util.zip.ZipException | java.io.EOFException e) {
                    failed.accept(new InputException(name, "not valid gzip data (" + e.getMessage() + "); decompress it or remove the .gz extension"));
                    return;
                }
            } else {
                bytes = Files.readAllBytes(path);
            }
        } catch (InputException e) {
            failed.accept(e);
            return;
        } catch (IOException | RuntimeException e) {
            failed.accept(new InputException(name, "cannot read the file (" + e.getMessage() + "); check that it exists and is readable"));
            return;
        }
        if (kind == Kind.SNIFF) {
            kind = sniff(bytes);
            if (kind == Kind.SNIFF && bytes.length > 0) {
                failed.accept(new InputException(name, "unknown file type; name text pages *.txt, HTML *.html, JSON lines *.jsonl, "
                        + "WARC *.warc(.gz) and feeds *.xml, *.rss, *.atom"));
                return;
            }
        }
        deliver(name, bytes, kind, ok, failed);
    }

    private static InputException tooLarge(String name, long size, long limit) {
        return new InputException(name, "input is " + size + " bytes, over the limit of " + limit
                + " bytes; split it or raise the limit with -Dwarta.maxInputBytes=N");
    }

    private static byte[] readLimited(InputStream in, String name) throws IOException, InputException {
        long limit = maxBytes();
        byte[] bytes = LimitedInputStream.readAtMost(in, limit);
        if (bytes == null)
            throw new InputException(name, "input is more than " + limit
                    + " bytes, over the limit; split it or raise the limit with -Dwarta.maxInputBytes=N");
        return bytes;
    }

    private static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    private static int firstNonSpace(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) i = 3;
        for (; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
        }
        return -1;
    }

    /** WARC, a feed or HTML by their first bytes; SNIFF when none of them. */
    private static Kind sniff(byte[] bytes) {
        if (WarcPages.looksLikeWarc(bytes)) return Kind.WARC;
        if (Feeds.looksLikeFeed(bytes)) return Kind.FEED;
        if (firstNonSpace(bytes) == '<') return Kind.HTML;
        return Kind.SNIFF;
    }

    private static void deliver(String name, byte[] bytes, Kind kind, Consumer<Page> ok, Consumer<InputException> failed) {
        try {
            if (bytes.length == 0 || firstNonSpace(bytes) < 0)
                throw new InputException(name, "the input is empty; nothing to read");
            if (kind == Kind.WARC) {
                WarcPages.read(name, new java.io.ByteArrayInputStream(bytes), ok, failed);
                return;
            }
            if (kind == Kind.FEED) {
                readFeed(name, bytes, ok, failed);
                return;
            }
            Map<String, String> meta = new LinkedHashMap<>();
            String text = decode(name, bytes, kind != Kind.JSONL, null, kind == Kind.HTML, meta);
            if (text.indexOf('\u0000') >= 0)
                throw new InputException(name, "binary content (NUL bytes); give a text, HTML or JSON-lines file");
            if (kind == Kind.JSONL) {
                readJsonLines(name, text, ok, failed);
                return;
            }
            Page.MediaType type = kind == Kind.HTML ? Page.MediaType.HTML : Page.MediaType.TEXT;
            ok.accept(new Page(name, null, type, text.getBytes(StandardCharsets.UTF_8), meta));
        } catch (InputException e) {
            failed.accept(e);
        }
    }

    /**
     * Decodes bytes: a byte-order mark decides (and is dropped), else strict UTF-8, else, when allowed,
     * windows-1252 with a warning put into {@code meta}.
     */
    static String decode(String name, byte[] bytes, boolean allowLegacy, Map<String, String> meta) throws InputException {
        return decode(name, bytes, allowLegacy, null, false, meta);
    }

    /**
     * Decodes bytes in the WHATWG order: a byte-order mark (dropped), else the charset the transport
     * declared ({@code declared}, e.g. a WARC record's HTTP {@code Content-Type}), else, for HTML, the
     * {@code <meta charset>} or {@code http-equiv} declaration in the first bytes, else detection: strict
     * UTF-8, else (when allowed) windows-1252 with a warning put into {@code meta}. A declared charset that
     * the bytes do not fit is decoded with replacement characters and a warning.
     */
    static String decode(String name, byte[] bytes, boolean allowLegacy, String declared, boolean html,
                         Map<String, String> meta) throws InputException {
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF)
            return strict(name, bytes, 3, StandardCharsets.UTF_8);
        if (n >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)
            return strict(name, bytes, 2, StandardCharsets.UTF_16BE);
        if (n >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)
            return strict(name, bytes, 2, StandardCharsets.UTF_16LE);
        for (byte b : bytes)
            if (b == 0) throw new InputException(name, "binary content (NUL bytes); give a text, HTML or JSON-lines file");
        Charset cs = Encodings.charset(declared);
        if (cs == null && html) cs = Encodings.charset(Encodings.metaCharset(bytes));
        if (cs != null) {
            try {
                return decoder(cs).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                meta.put(WARNING, "not valid " + cs.name() + " as declared; undecodable bytes replaced");
                return new String(bytes, cs);
            }
        }
        try {
            return decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            if (!allowLegacy)
                throw new InputException(name, "not valid UTF-8; convert the file to UTF-8 (e.g. iconv -f windows-1252 -t utf-8)");
        }
        try {
            String s = decoder(Encodings.WINDOWS_1252).decode(ByteBuffer.wrap(bytes)).toString();
            meta.put(WARNING, "not valid UTF-8; decoded as windows-1252");
            return s;
        } catch (CharacterCodingException e) {
            throw new InputException(name, "neither UTF-8 nor windows-1252 text; convert the file to UTF-8");
        }
    }

    /**
     * An HTML page from raw bytes (a crawler's response body, a benchmark page): decoded in the WHATWG
     * order ({@code contentType} is the HTTP {@code Content-Type}, or null), checked for binary content.
     */
    public static Page htmlPage(String name, String url, byte[] bytes, String contentType, Map<String, String> meta)
            throws InputException {
        if (bytes.length == 0 || firstNonSpace(bytes) < 0)
            throw new InputException(name, "the input is empty; nothing to read");
        Map<String, String> m = new LinkedHashMap<>(meta);
        String text = decode(name, bytes, true, Encodings.charsetParameter(contentType), true, m);
        return new Page(name, url, Page.MediaType.HTML, text.getBytes(StandardCharsets.UTF_8), m);
    }

    private static String strict(String name, byte[] bytes, int skip, Charset cs) throws InputException {
        try {
            return decoder(cs).decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name, "its byte-order mark says " + cs.name() + " but the content is not; convert the file to UTF-8");
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static void readFeed(String name, byte[] bytes, Consumer<Page> ok, Consumer<InputException> failed)
            throws InputException {
        List<Feeds.FeedEntry> entries = Feeds.parse(bytes, name);
        if (entries.isEmpty()) throw new InputException(name, "the feed has no entries; nothing to read");
        for (int i = 0; i < entries.size(); i++) {
            Feeds.FeedEntry e = entries.get(i);
            String entryName = name + "#" + (i + 1);
            if (e.html() == null) failed.accept(new InputException(entryName, "the feed entry has no content or description; nothing to read"));
            else ok.accept(e.page(entryName));
        }
    }

    private static void readJsonLines(String name, String text, Consumer<Page> ok, Consumer<InputException> failed) {
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            String lineName = name + ":" + (i + 1);
            try {
                ok.accept(jsonPage(lineName, line));
            } catch (InputException e) {
                failed.accept(e);
            }
        }
    }

    private static Page jsonPage(String name, String line) throws InputException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new InputException(name, "not valid JSON (" + msg + "); each line must be one JSON object");
        }
        if (node == null || !node.isObject())
            throw new InputException(name, "not a JSON object; each line must be one object with a text or html field");
        String text = field(name, node, "text");
        String html = field(name, node, "html");
        if (text == null && html == null)
            throw new InputException(name, "no \"text\" or \"html\" field; give the article text or page HTML");
        Map<String, String> meta = new LinkedHashMap<>();
        for (String key : new String[] {"title", "published", "outlet", "language"}) {
            String v = field(name, node, key);
            if (v != null && !v.isBlank()) meta.put(key, v);
        }
        String url = field(name, node, "url");
        if (url != null && url.isBlank()) url = null;
        if (text != null && !text.isBlank())
            return new Page(name, url, Page.MediaType.TEXT, text.getBytes(StandardCharsets.UTF_8), meta);
        if (html != null && !html.isBlank())
            return new Page(name, url, Page.MediaType.HTML, html.getBytes(StandardCharsets.UTF_8), meta);
        throw new InputException(name, "the text or html field is empty; nothing to read");
    }

    private static String field(String name, JsonNode node, String key) throws InputException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode()) throw new InputException(name, "field \"" + key + "\" must be a string");
        return v.asText();
    }
}
