package org.warta.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main content of an HTML page on its jsoup DOM and returns it as text blocks in document
 * order. The method is the one readability and trafilatura share, with no rule for any one site:
 * <ol>
 *   <li><b>prune</b>: scripts, styles, forms, navigation, hidden elements, and elements whose class or id
 *   names page furniture (comments, share bars, related articles, ads, captions, newsletters…) unless
 *   they also hold most of the page's paragraph text;</li>
 *   <li><b>score</b>: every paragraph-like block of 25+ chars gives its parent and ancestors points for
 *   its length and commas; ancestors are weighted by tag and by class/id cues, and penalised by link
 *   density; the best ancestor is the content root, joined by siblings that score well enough;</li>
 *   <li><b>collect</b>: the root's text is cut into blocks at block-level elements (paragraphs, headings,
 *   list items, block quotes, pre, line breaks), and blocks that are mostly links or boilerplate
 *   are dropped.</li>
 * </ol>
 * Every walk over the tree is iterative, so a deeply nested page cannot overflow the stack.
 */
final class MainContent {
    /** A block of text and the fraction of its characters that sit inside links. */
    record Block(String text, double linkDensity, String tag) {}

    private static final Set<String> DROP_TAGS = Set.of("script", "style", "noscript", "template", "iframe", "svg",
            "canvas", "button", "select", "input", "textarea", "nav", "footer", "aside", "object", "embed",
            "video", "audio", "map", "dialog", "menu", "figcaption", "label", "picture", "img", "head");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3",
            "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "table", "tr", "td", "th",
            "tbody", "thead", "header", "figure", "address", "center", "hr", "br", "body", "html");
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote", "li", "dd");

    private static final Pattern NEGATIVE = Pattern.compile(
            "(?i)(?:^|[-_ ])(?:comment|comments|komentar|share|sharing|social|sosmed|related|terkait|baca-?juga|recommend\\w*|"
                    + "promo\\w*|sponsor\\w*|advert\\w*|ads?|iklan|adsense|banner|sidebar|widget|newsletter|subscri\\w*|"
                    + "footer|foot|masthead|nav|navbar|navigation|menu|breadcrumbs?|tags?|tagline|topics|popular|"
                    + "trending|most-?read|outbrain|taboola|disqus|popup|modal|cookie|caption|credit|byline|author-?bio|"
                    + "bio|profile|meta|dateline|toolbar|pagination|pager|paging|print|skip|hidden|signup|login|"
                    + "more-?stories|read-?more|next-?post|prev-?post|post-?nav|jump|rating|vote|poll|"
                    + "gallery|thumb\\w*|slider|carousel|video-?player|player|facebook|"
                    + "whatsapp|inline-?related|sharethis|addthis|wp-?caption)(?:$|[-_ ])");
    private static final Pattern POSITIVE = Pattern.compile(
            "(?i)(?:article|body|content|entry|main|post|story|text|blog|detail|read|isi|berita|artikel)");
    private static final Pattern STRONG_POSITIVE = Pattern.compile(
            "(?i)(?:article-?body|articlebody|article-?content|article-?text|entry-?content|post-?content|post-?body|"
                    + "story-?body|storycontent|story-?content|body-?text|article__body|content-?body|detail-?text|"
                    + "detail__body|read__content|itemprop-articlebody)");

    private static final boolean DEBUG = Boolean.getBoolean("warta.debugExtract");

    private MainContent() {}

    /** The main-content blocks of a parsed page, in order; empty when nothing looks like content. */
    static List<Block> extract(Document doc) {
        Element body = doc.body();
        if (body == null) return List.of();
        prune(body);
        Element root = bestRoot(body);
        List<Element> parts = withSiblings(root);
        if (DEBUG) for (Element p : parts) System.err.println("part " + p.normalName() + " " + cues(p) + " " + p.text().length());
        List<Block> out = new ArrayList<>();
        for (Element part : parts) collect(part, out);
        return out;
    }

    // ---- prune -------------------------------------------------------------------------------------

    /** Per element: [0] text chars, [1] chars inside links, [2] chars inside {@code <p>}; one pass. */
    static Map<Element, int[]> stats(Element root) {
        Map<Element, int[]> stats = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) stats.put(e, new int[3]);
            }

            @Override
            public void tail(Node node, int depth) {
                Element parent = node.parent() instanceof Element p ? p : null;
                if (parent == null || !stats.containsKey(parent)) return;
                int[] ps = stats.get(parent);
                if (node instanceof TextNode t) {
                    int n = t.text().strip().length();
                    ps[0] += n;
                    if (parent.normalName().equals("a")) ps[1] += n;
                    if (parent.normalName().equals("p")) ps[2] += n;
                } else if (node instanceof Element e) {
                    int[] cs = stats.get(e);
                    ps[0] += cs[0];
                    ps[1] += e.normalName().equals("a") ? cs[0] : cs[1];
                    ps[2] += e.normalName().equals("p") ? cs[0] : cs[2];
                }
            }
        }, root);
        return stats;
    }

    private static void prune(Element body) {
        List<Element> drop = new ArrayList<>();
        Map<Element, int[]> stats = stats(body);
        double total = stats.get(body)[2];
        for (Element e : body.getAllElements()) {
            if (e == body) continue;
            String tag = e.normalName();
            if (DROP_TAGS.contains(tag)) {
                drop.add(e);
                continue;
            }
            if (isHidden(e)) {
                drop.add(e);
                continue;
            }
            if (tag.equals("article") || tag.equals("main") || tag.equals("a")) continue;
            String cues = cues(e);
            if (cues.isEmpty() || STRONG_POSITIVE.matcher(cues).find()) continue;
            if (NEGATIVE.matcher(cues).find() && !(POSITIVE.matcher(cues).find() && !hasOnlyNegativeWords(cues))) {
                // Never cut away the bulk of the page's paragraphs: a layout wrapper may carry "sidebar".
                if (total > 0 && stats.get(e)[2] > 0.3 * total) continue;
                drop.add(e);
            }
        }
        if (DEBUG) for (Element e : drop) System.err.println("drop " + e.normalName() + " " + cues(e) + " " + e.text().length());
        for (Element e : drop) if (e.parent() != null) e.remove();
    }

    /** Whether every class/id word with a positive cue is also a negative one ("post-meta"). */
    private static boolean hasOnlyNegativeWords(String cues) {
        for (String w : cues.split("\\s+")) {
            if (w.isEmpty()) continue;
            if (POSITIVE.matcher(w).find() && !NEGATIVE.matcher(w).find()) return false;
        }
        return true;
    }

    private static boolean isHidden(Element e) {
        if (e.hasAttr("hidden")) return true;
        if ("true".equalsIgnoreCase(e.attr("aria-hidden"))) return true;
        String style = e.attr("style");
        if (!style.isEmpty()) {
            String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
            return s.contains("display:none") || s.contains("visibility:hidden");
        }
        return false;
    }

    private static String cues(Element e) {
        String c = e.className();
        String id = e.id();
        String ip = e.attr("itemprop");
        if (c.isEmpty() && id.isEmpty() && ip.isEmpty()) return "";
        return (c + " " + id + (ip.isEmpty() ? "" : " itemprop-" + ip)).strip();
    }


    // ---- score -------------------------------------------------------------------------------------

    private static Element bestRoot(Element body) {
        Map<Element, double[]> scores = new IdentityHashMap<>();
        Map<Element, int[]> stats = stats(body);
        for (Element e : body.getAllElements()) {
            String tag = e.normalName();
            boolean paragraph = PARAGRAPH_TAGS.contains(tag) || (tag.equals("div") || tag.equals("section")) && hasOwnText(e);
            if (!paragraph) continue;
            String text = tag.equals("div") || tag.equals("section") ? ownText(e) : e.text();
            if (text.length() < 25) continue;
            double score = 1 + count(text, ',') + Math.min(text.length() / 100, 3);
            Element anc = tag.equals("div") || tag.equals("section") ? e : e.parent();
            for (int level = 0; anc != null && level < 3; level++, anc = anc.parent()) {
                double[] s = scores.computeIfAbsent(anc, MainContent::initialScore);
                s[0] += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, double[]> en : scores.entrySet()) {
            Element e = en.getKey();
            int[] st = stats.get(e);
            double ld = st == null || st[0] == 0 ? 0 : Math.min(1, st[1] / (double) st[0]);
            double s = en.getValue()[0] * (1 - ld);
            en.getValue()[1] = s;
            if (best == null || s > bestScore) {
                best = e;
                bestScore = s;
            }
        }
        if (best == null) return body;
        // A parent that holds several strong children (paragraphs split across sibling divs) is the root.
        Element cur = best;
        double curScore = bestScore;
        while (cur.parent() != null && cur.parent() != body.parent()) {
            Element parent = cur.parent();
            double[] ps = scores.get(parent);
            if (ps == null) break;
            int strong = 0;
            for (Element child : parent.children()) {
                double[] cs = scores.get(child);
                if (cs != null && cs[1] >= 0.75 * curScore) strong++;
            }
            if (strong >= 2 || ps[1] >= curScore * 0.95) {
                cur = parent;
                curScore = Math.max(curScore, ps[1]);
            } else break;
        }
        SCORES.set(scores);
        return cur;
    }

    /** The scores of the last {@link #bestRoot} call on this thread, for the sibling step. */
    private static final ThreadLocal<Map<Element, double[]>> SCORES = new ThreadLocal<>();

    private static double[] initialScore(Element e) {
        double s;
        switch (e.normalName()) {
            case "div", "article", "main", "section" -> s = 5;
            case "pre", "td", "blockquote" -> s = 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> s = -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> s = -5;
            default -> s = 0;
        }
        String cues = cues(e);
        if (!cues.isEmpty()) {
            if (STRONG_POSITIVE.matcher(cues).find()) s += 50;
            else if (POSITIVE.matcher(cues).find()) s += 25;
            if (NEGATIVE.matcher(cues).find()) s -= 25;
        }
        if (e.normalName().equals("article")) s += 10;
        return new double[] {s, 0};
    }

    private static List<Element> withSiblings(Element root) {
        Map<Element, double[]> scores = SCORES.get();
        SCORES.remove();
        Element parent = root.parent();
        if (scores == null || parent == null || root.normalName().equals("body")) return List.of(root);
        double rootScore = scores.containsKey(root) ? scores.get(root)[1] : 0;
        double threshold = Math.max(10, rootScore * 0.2);
        List<Element> twins = twins(root, scores, threshold);
        if (twins.size() > 1) return twins;
        List<Element> out = new ArrayList<>();
        for (Element sib : parent.children()) {
            if (sib == root) {
                out.add(sib);
                continue;
            }
            double[] s = scores.get(sib);
            boolean keep = s != null && s[1] >= threshold;
            if (!keep && sib.normalName().equals("p")) {
                String t = sib.text();
                double ld = linkDensity(sib);
                keep = t.length() > 80 && ld < 0.25 || t.length() > 0 && t.length() <= 80 && ld == 0 && t.matches(".*[.!?]\\s*$");
            }
            if (keep) out.add(sib);
        }
        return out;
    }

    /**
     * An article body split into several containers of the same kind (between them ads or pictures):
     * every element with the root's tag and class that scores well, in document order, none inside another.
     */
    private static List<Element> twins(Element root, Map<Element, double[]> scores, double threshold) {
        String cls = root.className().strip();
        if (cls.isEmpty()) return List.of(root);
        Element scope = root.ownerDocument() == null ? null : root.ownerDocument().body();
        if (scope == null) return List.of(root);
        List<Element> out = new ArrayList<>();
        for (Element e : scope.getElementsByClass(cls.split("\\s+")[0])) {
            if (e != root && (!e.normalName().equals(root.normalName()) || !e.className().strip().equals(cls))) continue;
            double[] s = scores.get(e);
            if (e != root && (s == null || s[1] < Math.min(threshold, 10))) continue;
            boolean nested = false;
            for (Element o : out) if (e.parents().contains(o)) nested = true;
            if (!nested) out.add(e);
        }
        return out.isEmpty() ? List.of(root) : out;
    }

    private static boolean hasOwnText(Element e) {
        for (Node n : e.childNodes()) if (n instanceof TextNode t && !t.isBlank() && t.text().strip().length() >= 25) return true;
        return false;
    }

    private static String ownText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) sb.append(t.text());
            else if (n instanceof Element c && !BLOCK_TAGS.contains(c.normalName())) sb.append(c.text());
        }
        return sb.toString().strip();
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) return 0;
        int links = 0;
        for (Element a : e.getElementsByTag("a")) links += a.text().length();
        return Math.min(1, links / (double) total);
    }

    // ---- collect -----------------------------------------------------------------------------------

    /** Cuts the text below e into blocks at block-level elements, keeping what looks like content. */
    private static void collect(Element root, List<Block> out) {
        StringBuilder text = new StringBuilder();
        int[] linkChars = {0};
        String[] tag = {root.normalName()};
        Deque<Object[]> stack = new ArrayDeque<>(); // {node, entered?}
        stack.push(new Object[] {root, Boolean.FALSE});
        int linkDepth = 0;
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Node node = (Node) top[0];
            boolean exiting = (Boolean) top[1];
            if (node instanceof TextNode t) {
                String s = t.text();
                if (linkDepth > 0) linkChars[0] += s.strip().length();
                text.append(s);
                continue;
            }
            if (!(node instanceof Element e)) continue;
            String name = e.normalName();
            boolean block = BLOCK_TAGS.contains(name);
            if (exiting) {
                if (name.equals("a")) linkDepth--;
                if (block) flush(text, linkChars, tag[0], out);
                continue;
            }
            if (block) {
                flush(text, linkChars, tag[0], out);
                tag[0] = name;
            }
            if (name.equals("a")) linkDepth++;
            stack.push(new Object[] {e, Boolean.TRUE});
            List<Node> kids = e.childNodes();
            for (int i = kids.size() - 1; i >= 0; i--) stack.push(new Object[] {kids.get(i), Boolean.FALSE});
        }
        flush(text, linkChars, tag[0], out);
    }

    private static void flush(StringBuilder text, int[] linkChars, String tag, List<Block> out) {
        String t = normalise(text);
        text.setLength(0);
        int links = linkChars[0];
        linkChars[0] = 0;
        if (t.isEmpty() || tag.equals("h1")) return; // the h1 is the page's headline, kept as the title
        double ld = Math.min(1, links / (double) t.length());
        if (ld > 0.5 && t.length() < 300) return; // a link list, a "read more", a tag cloud
        out.add(new Block(t, ld, tag));
    }

    static String normalise(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u200B' || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else {
                if (space) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
