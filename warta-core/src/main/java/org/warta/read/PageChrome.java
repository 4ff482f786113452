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
    }

    /** The first line rule (line, tail, author, editor) matching the whole trimmed line, or null. */
    Rule matchLine(String trimmedLine) {
        for (Rule r : lineRules) if (r.pattern().matcher(trimmedLine).matches()) return r;
        return null;
    }

    List<Rule> initials() { return initials; }

    List<Rule> datelines() { return datelines; }
}
