package org.warta.model;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Raw input before extraction: bytes with the name of the input they came from, an optional URL, a
 * media type and metadata the source already knew (a JSON-lines record's fields, a feed entry's date).
 *
 * <pre>{@code
 * Page page = Page.text("seed.txt", Files.readString(path));
 * }</pre>
 */
public record Page(String name, String url, MediaType type, byte[] bytes, Map<String, String> meta) {

    /** What kind of bytes a page holds, which decides the extractor. */
    public enum MediaType { TEXT, HTML }

    public Page {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bytes, "bytes");
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    /** A scraped text page (title on the first line). */
    public static Page text(String name, String text) {
        return new Page(name, null, MediaType.TEXT, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** An HTML page. */
    public static Page html(String name, String url, String html) {
        return new Page(name, url, MediaType.HTML, html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public String meta(String key) {
        return meta.get(key);
    }
}
