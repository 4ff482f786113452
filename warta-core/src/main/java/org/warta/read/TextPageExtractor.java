package org.warta.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Page;

/**
 * Extracts an {@link Article} from a scraped text page: the first non-blank line is the title (unless the
 * page's metadata gives one, as JSON lines do), every other non-blank line a paragraph (CRLF, LF and CR
 * line breaks all work). Site chrome, bylines, editor initials and the dateline are handled by the
 * rules in each language pack's {@code chrome.tsv}. The article keeps, for each code point of its text,
 * the code-point offset in the page text, so any span maps back into the input exactly.
 *
 * <pre>{@code
 * Article a = new TextPageExtractor(new Languages(List.of())).extract(Page.text("seed.txt", text));
 * }</pre>
 */
public final class TextPageExtractor implements ArticleExtractor {
    private final ArticleAssembler assembler;

    public TextPageExtractor(Languages langs) {
        this(new ArticleAssembler(new PageChrome(langs)));
    }

    TextPageExtractor(ArticleAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public Article extract(Page page) throws InputException {
        String source = new String(page.bytes(), StandardCharsets.UTF_8);
        List<ArticleAssembler.Block> lines = lines(source);
        ArticleAssembler.Block title = null;
        String metaTitle = page.meta("title");
        if (metaTitle != null && !metaTitle.isBlank()) {
            // The text may repeat the title on its first line; then that line is the title in the source.
            int firstIndex = 0;
            while (firstIndex < lines.size() && lines.get(firstIndex).trimmed().text().isEmpty()) firstIndex++;
            ArticleAssembler.Block first = firstIndex < lines.size() ? lines.get(firstIndex).trimmed() : null;
            if (first != null && first.text().equals(metaTitle.strip())) {
                title = first;
                lines.subList(0, firstIndex + 1).clear();
            } else {
                title = new ArticleAssembler.Block(metaTitle.strip(), -1);
            }
        }
        ArticleAssembler.Known known = new ArticleAssembler.Known(page.url(), null, page.meta("outlet"),
                page.meta("published"), page.meta("language"));
        return assembler.assemble(page, title, lines, source, known);
    }

    /** The lines of a text with their start offsets, without their line terminators. */
    static List<ArticleAssembler.Block> lines(String s) {
        List<ArticleAssembler.Block> out = new ArrayList<>();
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.add(new ArticleAssembler.Block(s.substring(start, i), start));
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < n) out.add(new ArticleAssembler.Block(s.substring(start), start));
        return out;
    }
}
