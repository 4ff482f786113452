package org.warta.read;

import static org.warta.Invariants.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.warta.Invariants;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Page;

/**
 * Fuzz tests of the readers (Jazzer). In every build they run over the seeds in
 * {@code src/test/resources/org/warta/read/ReadersFuzzTestInputs/<method>/}, the crashes found so far
 * among them; {@code tools/fuzz ReadersFuzzTest#method} fuzzes one of them (see the README, "Untrusted
 * input"). Whatever the bytes, a reader gives pages, or errors that name the input, and never throws;
 * each page gives an article that keeps the model's promises ({@link Invariants#article}) or an error
 * naming the page.
 */
class ReadersFuzzTest {
    /** How long {@code tools/fuzz} fuzzes one target (Jazzer's {@code maxDuration}; only used when fuzzing). */
    static final String FUZZ_TIME = "3m";

    private static final Extractors EXTRACTORS = new Extractors(new Languages(List.of()));
    private static final String URL = "https://kabar.example/2024/10/30/banjir-jakarta";

    /** A scraped page (text, or whatever standard input turns out to hold) read as {@code warta code -} reads it. */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void textPage(byte[] input) {
        List<Page> pages = new ArrayList<>();
        List<InputException> errors = new ArrayList<>();
        Inputs.read(List.of("-"), new ByteArrayInputStream(input), pages::add, errors::add);
        for (InputException e : errors) named(e, "-");
        check(!pages.isEmpty() || !errors.isEmpty(), "neither a page nor an error");
        for (Page p : pages) {
            check(p.name().equals("-") || p.name().startsWith("-:") || p.name().startsWith("-#"), "page named %s", p.name());
            extract(p);
        }
    }

    /** An HTML page as a crawler fetched it: raw bytes, WHATWG decoding, then main content and metadata. */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void htmlPage(byte[] input) {
        Page page;
        try {
            page = Inputs.htmlPage("fuzz.html", URL, input, "text/html", java.util.Map.of());
        } catch (InputException e) {
            named(e, "fuzz.html");
            return;
        }
        check(page.type() == Page.MediaType.HTML, "not an HTML page");
        extract(page);
    }

    /** A WARC file, plain or gzipped: HTML responses become pages named FILE#N, N rising. */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void warc(byte[] input) {
        List<Page> pages = new ArrayList<>();
        List<InputException> errors = new ArrayList<>();
        WarcPages.read("fuzz.warc", new ByteArrayInputStream(input), pages::add, errors::add);
        for (InputException e : errors) named(e, "fuzz.warc");
        int last = 0;
        for (Page p : pages) {
            check(p.name().startsWith("fuzz.warc#"), "page named %s", p.name());
            int record = Integer.parseInt(p.name().substring("fuzz.warc#".length()));
            check(record > last, "record %d after record %d", record, last);
            last = record;
            check(p.type() == Page.MediaType.HTML && p.bytes().length > 0, "an empty or non-HTML page %s", p.name());
            String fetched = p.meta(WarcPages.FETCHED);
            check(fetched == null || fetched.equals(fetched.strip()), "fetched date not stripped: [%s]", fetched);
            extract(p);
        }
    }

    /** An RSS or Atom feed: entries (at most the limit) with ISO dates, each a page; or an error naming the feed. */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void feed(byte[] input) {
        String feedUrl = "https://kabar.example/rss";
        List<Feeds.FeedEntry> entries;
        try {
            entries = Feeds.parse(input, feedUrl);
        } catch (InputException e) {
            named(e, feedUrl);
            return;
        }
        check(entries.size() <= Feeds.maxEntries(), "%d entries over the limit", entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Feeds.FeedEntry e = entries.get(i);
            if (e.published() != null) {
                check(HtmlMetadata.date(e.published()) != null && e.published().length() >= 10,
                        "entry date %s is not ISO 8601", e.published());
                java.time.LocalDate.parse(e.published().substring(0, 10));
            }
            for (String s : new String[] {e.title(), e.author(), e.html(), e.link()})
                check(s == null || (!s.isBlank() && s.equals(s.strip())), "blank or unstripped field [%s]", s);
            if (e.html() != null) extract(e.page(feedUrl + "#" + (i + 1)));
        }
    }

    private static void named(InputException e, String input) {
        check(e.input() != null && e.input().startsWith(input), "error names %s, not %s", e.input(), input);
        check(e.getMessage().startsWith(e.input() + ": ") && e.getMessage().length() > e.input().length() + 2,
                "error message [%s]", e.getMessage());
    }

    private static void extract(Page p) {
        Article a;
        try {
            a = EXTRACTORS.extract(p);
        } catch (InputException e) {
            check(e.input().equals(p.name()), "extraction error names %s, not %s", e.input(), p.name());
            return;
        }
        String source = p.type() == Page.MediaType.TEXT ? new String(p.bytes(), StandardCharsets.UTF_8) : null;
        Invariants.article(a, p.name(), source, p.meta("title") != null);
    }
}
