package org.warta.read;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.warta.lang.LanguagePack;
import org.warta.lang.Languages;
import org.warta.lang.TsvTable;

/**
 * The page-furniture rules of every language pack ({@code chrome.tsv}): lines to drop, lines that end the
 * article, bylines, editor initials and dateline forms. Extraction runs before the language is known, so
 * the rules of all packs apply together. Immutable; built once per extractor.
 */
final class PageChrome {
    static final String FILE = "chrome.tsv";

    enum Kind { LINE, TAIL, AUTHOR, EDITOR, INITIALS, DATELINE }

    record Rule(Pattern pattern, Kind kind, String where) {}

    private final List<Rule> lineRules = new ArrayList<>();
    private final List<Rule> initials = new ArrayList<>();
    private final List<Rule> datelines = new ArrayList<>();
    /**
     * The line rules as one alternation, each rule's pattern in a capturing group of its own (its named
     * groups renamed apart): one match per line instead of one per rule, with the same first matching rule.
     * Null when a rule's pattern cannot be embedded so (a back reference); then the rules are tried one by one.
     */
    private final Pattern anyLine;
    /** For each line rule, the number of its group in {@link #anyLine}. */
    private final int[] lineGroup;

    PageChrome(Languages langs) {
        Set<String> seen = new LinkedHashSet<>();
        for (String code : langs.codes()) {
            LanguagePack pack = langs.get(code);
            if (!pack.has(FILE)) continue;
            for (TsvTable.Row row : pack.rows(FILE)) {
                String source = row.required("pattern");
                String kindName = row.required("kind");
                Kind kind;
                try {
                    kind = Kind.valueOf(kindName.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw row.error("unknown kind '" + kindName + "' (line, tail, author, editor, initials, dateline)");
                }
                if (!seen.add(kind + "\t" + source)) continue;
                Pattern p;
                try {
                    p = Pattern.compile(source);
                } catch (PatternSyntaxException e) {
                    throw row.error("bad regular expression: " + e.getDescription());
                }
                String where = pack.resourcePath(FILE) + ":" + row.line();
                if ((kind == Kind.AUTHOR || kind == Kind.EDITOR) && !source.contains("(?<name>"))
                    throw row.error("an " + kindName + " pattern needs a group (?<name>…)");
                if (kind == Kind.INITIALS && !source.contains("(?<codes>"))
                    throw row.error("an initials pattern needs a group (?<codes>…)");
                if (kind == Kind.DATELINE && !source.contains("(?<place>"))
                    throw row.error("a dateline pattern needs a group (?<place>…)");
                Rule rule = new Rule(p, kind, where);
                switch (kind) {
                    case INITIALS -> initials.add(rule);
                    case DATELINE -> datelines.add(rule);
                    default -> lineRules.add(rule);
                }
            }
        }
        lineGroup = new int[lineRules.size()];
        anyLine = alternation(lineRules, lineGroup);
    }

    /** The rules' patterns as one alternation (see {@link #anyLine}), filling each rule's group number; or null. */
    static Pattern alternation(List<Rule> rules, int[] groupOf) {
        StringBuilder sb = new StringBuilder();
        int groups = 0;
        for (int i = 0; i < rules.size(); i++) {
            Pattern p = rules.get(i).pattern();
            if (Pattern.compile(p.pattern()).flags() != p.flags()) return null; // compiled with flags of its own
            String embedded = renameGroups(p.pattern(), "r" + i + "x");
            if (embedded == null) return null;
            if (i > 0) sb.append('|');
            sb.append('(').append(embedded).append(')');
            groupOf[i] = ++groups;
            groups += p.matcher("").groupCount();
        }
        if (rules.isEmpty()) return null;
        try {
            Pattern all = Pattern.compile(sb.toString());
            return all.matcher("").groupCount() == groups ? all : null;
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /**
     * The regex with each named group {@code (?<name>} renamed {@code (?<prefix name>}; null when it has a back
     * reference ({@code \k<name>} or {@code \1}), which would no longer point to its group. Escapes, quoted
     * text ({@code \Q…\E}) and character classes are passed over.
     */
    static String renameGroups(String regex, String prefix) {
        StringBuilder sb = new StringBuilder(regex.length() + 16);
        int classDepth = 0;
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = regex.charAt(i + 1);
                if (e == 'Q') { // quoted to \E (or the end)
                    int end = regex.indexOf("\\E", i + 2);
                    end = end < 0 ? n : end + 2;
                    sb.append(regex, i, end);
                    i = end - 1;
                    continue;
                }
                if (e == 'k' || (e >= '0' && e <= '9')) return null;
                sb.append(c).append(e);
                i++;
                continue;
            }
            if (c == '[') classDepth++;
            else if (c == ']' && classDepth > 0) classDepth--;
            else if (classDepth == 0 && c == '(' && regex.startsWith("?<", i + 1) && i + 3 < n
                    && Character.isLetter(regex.charAt(i + 3))) {
                sb.append("(?<").append(prefix);
                i += 2;
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The first line rule (line, tail, author, editor) matching the whole trimmed line, or null. */
    Rule matchLine(String trimmedLine) {
        if (anyLine == null) return matchEachLineRule(trimmedLine);
        java.util.regex.Matcher m = anyLine.matcher(trimmedLine);
        if (!m.matches()) return null;
        for (int i = 0; i < lineGroup.length; i++) if (m.start(lineGroup[i]) >= 0) return lineRules.get(i);
        throw new IllegalStateException("no rule group matched"); // cannot happen: one alternative matched
    }

    /** The same, trying the rules one by one (the reference for {@link #anyLine}). */
    Rule matchEachLineRule(String trimmedLine) {
        for (Rule r : lineRules) if (r.pattern().matcher(trimmedLine).matches()) return r;
        return null;
    }

    /** Whether the line rules are matched as one alternation. */
    boolean matchesAsOne() {
        return anyLine != null;
    }

    List<Rule> initials() { return initials; }

    List<Rule> datelines() { return datelines; }
}
