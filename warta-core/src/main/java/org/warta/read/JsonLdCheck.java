package org.warta.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;

/**
 * Uses a page's JSON-LD {@code articleBody} as a strong but checked hint. The hint is trusted only when
 * most of its words are also in the page's visible text, and is not much shorter than the content the
 * DOM gives (a stale or teaser body is ignored). Then DOM
 * blocks made mostly of words the body never uses are dropped, and when the DOM blocks still miss
 * most of the body, the body's own paragraphs are used instead.
 */
final class JsonLdCheck {
    static final int MIN_BODY_WORDS = 40;

    private JsonLdCheck() {}

    static List<MainContent.Block> choose(List<MainContent.Block> dom, String articleBody, Document page) {
        if (articleBody == null) return dom;
        String bodyText = MainContent.normalise(org.jsoup.parser.Parser.unescapeEntities(articleBody, false));
        List<String> bodyWords = words(bodyText);
        if (bodyWords.size() < MIN_BODY_WORDS) return dom;
        Set<String> pageWords = new HashSet<>(words(page.text()));
        for (MainContent.Block b : dom) pageWords.addAll(words(b.text()));
        if (share(bodyWords, pageWords) < 0.8) return dom;
        int domWords = 0;
        for (MainContent.Block b : dom) domWords += words(b.text()).size();
        // A body much shorter than the page's content is a teaser or a first page: no filter.
        if (bodyWords.size() < 0.6 * domWords) return dom;
        Set<String> bodySet = new HashSet<>(bodyWords);
        List<MainContent.Block> kept = new ArrayList<>();
        Set<String> keptWords = new HashSet<>();
        for (MainContent.Block b : dom) {
            List<String> w = words(b.text());
            if (w.isEmpty()) continue;
            if (share(w, bodySet) >= 0.6) {
                kept.add(b);
                keptWords.addAll(w);
            }
        }
        if (share(bodyWords, keptWords) >= 0.7) return kept;
        List<MainContent.Block> fromBody = new ArrayList<>();
        for (String para : articleBody.split("\\s*\\n\\s*")) {
            String t = MainContent.normalise(para);
            if (!t.isEmpty()) fromBody.add(new MainContent.Block(t, 0, "p"));
        }
        return fromBody;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean w = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (w && start < 0) start = i;
            else if (!w && start >= 0) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return out;
    }

    private static double share(List<String> words, Set<String> in) {
        if (words.isEmpty()) return 0;
        int n = 0;
        for (String w : words) if (in.contains(w)) n++;
        return n / (double) words.size();
    }
}
