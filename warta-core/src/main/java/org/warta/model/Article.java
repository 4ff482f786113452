package org.warta.model;

import java.util.List;
import java.util.Objects;

/**
 * Clean article text and its metadata. All annotation offsets of a {@link Doc} point into {@link #text()}.
 *
 * @param sourceOffsets for inputs whose text is the source (text pages, JSON lines), the code-point
 *     offset in the input text of each code point of {@code text}, plus one final entry for the end;
 *     {@code null} for HTML and other inputs that have no source text
 * @param published ISO 8601 date or date-time at its precision, or null
 * @param publishedPrecision "day", "month", "year", "minute", … or null
 * @param publishedSource where the publication date came from: {@code input} (the source's own metadata,
 *     e.g. a JSON-lines field or a feed entry), {@code json-ld}, {@code opengraph}, {@code meta},
 *     {@code time}, {@code url}, {@code text} (a date written on the page), or null
 * @param modified ISO 8601 date or date-time of the last modification the page states, or null
 */
public record Article(
        String id,
        String inputName,
        String url,
        String canonicalUrl,
        String outlet,
        String title,
        String text,
        String language,
        String published,
        String publishedPrecision,
        boolean publishedInferred,
        String dateline,
        List<String> authors,
        List<String> editors,
        int[] sourceOffsets,
        String publishedSource,
        String modified) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        authors = authors == null ? List.of() : List.copyOf(authors);
        editors = editors == null ? List.of() : List.copyOf(editors);
    }

    /** An article without a recorded date source or modification date. */
    public Article(String id, String inputName, String url, String canonicalUrl, String outlet, String title,
                   String text, String language, String published, String publishedPrecision,
                   boolean publishedInferred, String dateline, List<String> authors, List<String> editors,
                   int[] sourceOffsets) {
        this(id, inputName, url, canonicalUrl, outlet, title, text, language, published, publishedPrecision,
                publishedInferred, dateline, authors, editors, sourceOffsets, null, null);
    }

    /** The text without the title and the blank line after it: the paragraphs only. */
    public String body() {
        if (title != null && !title.isEmpty() && text.startsWith(title)) return text.substring(title.length()).strip();
        return text;
    }

    /** Source offset of a char index into {@link #text()}, or -1 when the article has no source text. */
    public int sourceOffset(int charIndex) {
        if (sourceOffsets == null) return -1;
        int cp = text.codePointCount(0, charIndex);
        return sourceOffsets[Math.min(cp, sourceOffsets.length - 1)];
    }

    /**
     * Source offset just past the char before {@code charIndex}: the exclusive end in the input text of a
     * span of {@link #text()} ending at {@code charIndex}; -1 when the article has no source text.
     */
    public int sourceEndOffset(int charIndex) {
        if (sourceOffsets == null) return -1;
        if (charIndex <= 0) return sourceOffset(0);
        int i = charIndex - 1;
        if (i > 0 && Character.isLowSurrogate(text.charAt(i))) i--;
        return sourceOffset(i) + 1;
    }

    /** The publication day when {@link #published()} has one, else empty. */
    public java.util.Optional<java.time.LocalDate> publishedDay() {
        if (published == null || published.length() < 10) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(java.time.LocalDate.parse(published.substring(0, 10)));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** A copy with publication date fields replaced. */
    public Article withPublished(String value, String precision, boolean inferred) {
        return withPublished(value, precision, inferred, value == null ? null : "text");
    }

    /** A copy with publication date fields and the date's source replaced. */
    public Article withPublished(String value, String precision, boolean inferred, String source) {
        return new Article(id, inputName, url, canonicalUrl, outlet, title, text, language, value, precision,
                inferred, dateline, authors, editors, sourceOffsets, source, modified);
    }

    /** A copy with the language replaced. */
    public Article withLanguage(String lang) {
        return new Article(id, inputName, url, canonicalUrl, outlet, title, text, lang, published,
                publishedPrecision, publishedInferred, dateline, authors, editors, sourceOffsets, publishedSource,
                modified);
    }
}
