package org.warta.kb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.warta.lang.DataFileException;
import org.warta.lang.TsvTable;

/**
 * World knowledge, true in every language: countries (PLOVER codes) with their names, adjectives,
 * capitals and seats of government; territories under their state; organisations; offices and group nouns
 * with their sectors; people with their offices and dated terms. Loaded once from {@code warta/kb/*.tsv}
 * on the classpath plus {@code DIR/kb/*.tsv} of each user directory; immutable and shared across threads.
 */
public final class KnowledgeBase {
    /**
     * What a person row's {@code source} may say: the address of a page, a file of a fetched repository at a
     * commit ({@code github:owner/name@<40 hex>:path}), or {@code unverified}.
     */
    public static final java.util.regex.Pattern SOURCE =
            java.util.regex.Pattern.compile("unverified|https?://\\S+|github:[\\w.-]+/[\\w.-]+@[0-9a-f]{40}:\\S+");

    /** PLOVER's codes for actors that are not states. */
    public static final Set<String> SPECIAL_CODES = Set.of("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC");

    public record Country(String code, String wikidata, String nameEn, String nameId) {}

    public record Organisation(String id, String code, String sector, String name, String wikidata) {}

    /** An office (a title a person holds) or a group noun (tentara, polisi…), with its sector. */
    public record Office(String id, String kind, String sector) {
        public boolean isGroup() { return "group".equals(kind); }
    }

    /**
     * One term of one person in one office. {@code body} is the id of the organisation the office belongs to
     * (the ministry, the province's government, the armed service…), or null when the office and country say
     * it all (a head of state).
     */
    public record Person(String id, String name, List<String> aliases, String country, String sector,
                         String office, LocalDate start, LocalDate end, String wikidata, String source,
                         LocalDate checked, String body) {
        /** A term without a body (the shape before {@code body} was added). */
        public Person(String id, String name, List<String> aliases, String country, String sector, String office,
                      LocalDate start, LocalDate end, String wikidata, String source, LocalDate checked) {
            this(id, name, aliases, country, sector, office, start, end, wikidata, source, checked, null);
        }

        public boolean inOffice(LocalDate date) {
            return (start == null || !date.isBefore(start)) && (end == null || !date.isAfter(end));
        }
    }

    /** What a surface name refers to. */
    public enum NameKind { COUNTRY, CAPITAL, SEAT, ADJECTIVE, TERRITORY, ORGANISATION, PERSON, OFFICE, GROUP }

    /** A surface form in the gazetteer and what it names. {@code ref} is a code, an organisation, office or person id. */
    public record Name(String text, NameKind kind, String ref, boolean caseSensitive) {}

    private final Map<String, Country> countries = new LinkedHashMap<>();
    private final Map<String, Organisation> organisations = new LinkedHashMap<>();
    private final Map<String, Office> offices = new LinkedHashMap<>();
    private final Map<String, List<Person>> people = new LinkedHashMap<>();
    private final List<Name> names = new ArrayList<>();
    private String version = "0";

    private KnowledgeBase() {}

    /** Loads the built-in knowledge base plus each user directory's {@code kb/} files. */
    public static KnowledgeBase load(List<Path> userDirs) {
        KnowledgeBase kb = new KnowledgeBase();
        for (String file : List.of("countries.tsv", "territories.tsv", "organisations.tsv", "offices.tsv", "people.tsv")) {
            List<TsvTable> tables = new ArrayList<>();
            TsvTable base = TsvTable.resource("warta/kb/" + file);
            tables.add(base);
            for (Path dir : userDirs) {
                Path p = dir.resolve("kb").resolve(file);
                // A user file needs the columns the loader reads (checked in add); optional columns added to
                // the built-in files later (people's 'body', 'wikidata') may be missing from older user files.
                if (Files.isRegularFile(p)) tables.add(TsvTable.file(p));
            }
            for (TsvTable t : tables) kb.add(file, t);
        }
        kb.loadCommonNameWords(userDirs);
        kb.validate();
        kb.version = kb.latestCheck();
        return kb;
    }

    private void add(String file, TsvTable t) {
        switch (file) {
            case "countries.tsv" -> t.require("code", "name_en", "name_id", "aliases", "adjectives", "capitals", "seats")
                    .rows().forEach(this::addCountry);
            case "territories.tsv" -> t.require("name_en", "name_id", "parent", "aliases").rows().forEach(this::addTerritory);
            case "organisations.tsv" -> t.require("id", "code", "sector", "name", "aliases").rows().forEach(this::addOrganisation);
            case "offices.tsv" -> t.require("id", "kind", "sector", "terms").rows().forEach(this::addOffice);
            case "people.tsv" -> t.require("id", "name", "aliases", "country", "sector", "office", "start", "end", "source", "checked")
                    .rows().forEach(this::addPerson);
            default -> throw new IllegalStateException(file);
        }
    }

    private void addCountry(TsvTable.Row r) {
        String code = r.required("code");
        if (!code.matches("[A-Z]{3}")) throw r.error("country code must be three capital letters: " + code);
        Country c = new Country(code, optional(r, "wikidata"), r.required("name_en"), r.required("name_id"));
        countries.put(code, c);
        name(c.nameEn(), NameKind.COUNTRY, code);
        name(c.nameId(), NameKind.COUNTRY, code);
        for (String a : r.list("aliases")) name(a, NameKind.COUNTRY, code);
        for (String a : r.list("adjectives")) name(a, NameKind.ADJECTIVE, code);
        for (String a : r.list("capitals")) name(a, NameKind.CAPITAL, code);
        for (String a : r.list("seats")) name(a, NameKind.SEAT, code);
    }

    private void addTerritory(TsvTable.Row r) {
        String parent = r.required("parent");
        pending.add(() -> checkCode(r, parent));
        name(r.required("name_en"), NameKind.TERRITORY, parent);
        if (!r.get("name_id").isEmpty()) name(r.get("name_id"), NameKind.TERRITORY, parent);
        for (String a : r.list("aliases")) name(a, NameKind.TERRITORY, parent);
    }

    private void addOrganisation(TsvTable.Row r) {
        String id = r.required("id");
        if (organisations.containsKey(id)) throw r.error("duplicate organisation id '" + id + "'");
        Organisation o = new Organisation(id, r.required("code"), r.required("sector"), r.required("name"), optional(r, "wikidata"));
        pending.add(() -> checkCode(r, o.code()));
        checkSector(r, o.sector());
        organisations.put(id, o);
        name(o.name(), NameKind.ORGANISATION, id);
        for (String a : r.list("aliases")) name(a, NameKind.ORGANISATION, id);
    }

    private void addOffice(TsvTable.Row r) {
        String id = r.required("id");
        String kind = r.required("kind");
        if (!kind.equals("office") && !kind.equals("group")) throw r.error("kind must be 'office' or 'group': " + kind);
        if (offices.containsKey(id)) throw r.error("duplicate office id '" + id + "'");
        String sector = r.required("sector");
        checkSector(r, sector);
        offices.put(id, new Office(id, kind, sector));
        for (String term : r.list("terms")) name(term, kind.equals("group") ? NameKind.GROUP : NameKind.OFFICE, id);
    }

    private void addPerson(TsvTable.Row r) {
        String id = r.required("id");
        LocalDate start = date(r, "start");
        LocalDate end = date(r, "end");
        if (start != null && end != null && end.isBefore(start)) throw r.error("term ends before it starts");
        String source = r.required("source");
        LocalDate checked = date(r, "checked");
        if (checked == null) throw r.error("every person entry needs the date it was checked (column 'checked')");
        if (!SOURCE.matcher(source).matches())
            throw r.error("source must be the address of the page the row was checked against (https://…), a fetched "
                    + "repository's file (github:owner/name@<commit>:path), or 'unverified': " + source);
        Person p = new Person(id, r.required("name"), r.list("aliases"), r.required("country"), r.required("sector"),
                r.required("office"), start, end, optional(r, "wikidata"), source, checked, optional(r, "body"));
        pending.add(() -> {
            checkCode(r, p.country());
            if (!offices.containsKey(p.office())) throw r.error("unknown office id '" + p.office() + "' (see offices.tsv)");
            if (p.body() != null && !organisations.containsKey(p.body()))
                throw r.error("unknown body '" + p.body() + "' (not an organisation id of organisations.tsv)");
        });
        checkSector(r, p.sector());
        List<Person> terms = people.computeIfAbsent(id, k -> new ArrayList<>());
        if (!terms.isEmpty() && !terms.get(0).name().equals(p.name()))
            throw r.error("person id '" + id + "' already used for " + terms.get(0).name());
        terms.add(p);
        if (terms.size() == 1) {
            name(p.name(), NameKind.PERSON, id);
            for (String a : p.aliases()) name(a, NameKind.PERSON, id);
        }
    }

    private final List<Runnable> pending = new ArrayList<>();

    /** Lower-cased words of names that never identify a person alone ({@code common-name-words.txt}). */
    private final Set<String> commonNameWords = new HashSet<>();

    private void loadCommonNameWords(List<Path> userDirs) {
        String file = "warta/kb/common-name-words.txt";
        for (String w : TsvTable.wordList(file, TsvTable.readResource(file))) commonNameWords.add(w.toLowerCase(Locale.ROOT));
        for (Path dir : userDirs) {
            Path p = dir.resolve("kb").resolve("common-name-words.txt");
            if (!Files.isRegularFile(p)) continue;
            try {
                String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
                for (String w : TsvTable.wordList(p.toString(), text)) commonNameWords.add(w.toLowerCase(Locale.ROOT));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new DataFileException(p.toString(), 0, "not valid UTF-8");
            } catch (java.io.IOException e) {
                throw new DataFileException(p.toString(), 0, "cannot read: " + e.getMessage());
            }
        }
    }

    private void validate() {
        for (Runnable r : pending) r.run();
        pending.clear();
    }

    private void checkCode(TsvTable.Row r, String code) {
        if (!countries.containsKey(code) && !SPECIAL_CODES.contains(code))
            throw r.error("unknown country code '" + code + "' (not in countries.tsv nor one of " + SPECIAL_CODES + ")");
    }

    /** PLOVER's sector codes (manual draft 2.0, ch. 5), plus NGO and IGO used for organisations. */
    public static final Set<String> SECTORS = Set.of("COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF",
            "UNK", "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "NGO", "IGO",
            "HLH", "ENV");

    private static void checkSector(TsvTable.Row r, String sector) {
        if (!SECTORS.contains(sector)) throw r.error("unknown sector '" + sector + "' (known: " + new java.util.TreeSet<>(SECTORS) + ")");
    }

    private static String optional(TsvTable.Row r, String col) {
        try {
            return r.optional(col);
        } catch (DataFileException e) {
            return null;
        }
    }

    private static LocalDate date(TsvTable.Row r, String col) {
        String v = r.get(col);
        if (v.isEmpty()) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw r.error("bad date in '" + col + "': " + v + " (want YYYY-MM-DD)");
        }
    }

    private void name(String text, NameKind kind, String ref) {
        String t = text.strip();
        if (t.isEmpty()) return;
        boolean caseSensitive = isAbbreviation(t);
        names.add(new Name(t, kind, ref, caseSensitive));
    }

    /** All-caps forms (AS, RI, PBB, U.S.) match case-sensitively; other names ignore case. */
    public static boolean isAbbreviation(String t) {
        boolean hasLetter = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c)) {
                hasLetter = true;
                if (Character.isLowerCase(c)) return false;
            }
        }
        return hasLetter && t.codePointCount(0, t.length()) <= 6;
    }

    private String latestCheck() {
        LocalDate latest = null;
        for (List<Person> terms : people.values())
            for (Person p : terms) if (latest == null || p.checked().isAfter(latest)) latest = p.checked();
        return latest == null ? "0" : latest.toString();
    }

    // ---- queries -------------------------------------------------------------------------------

    /** Version of the knowledge base (the date of its latest check), written into every event. */
    public String version() { return version; }

    public List<Name> names() { return Collections.unmodifiableList(names); }

    public Optional<Country> country(String code) { return Optional.ofNullable(countries.get(code)); }

    public Collection<Country> countries() { return Collections.unmodifiableCollection(countries.values()); }

    public Optional<Organisation> organisation(String id) { return Optional.ofNullable(organisations.get(id)); }

    public Optional<Office> office(String id) { return Optional.ofNullable(offices.get(id)); }

    /** All terms of a person, by id. */
    public List<Person> person(String id) { return people.getOrDefault(id, List.of()); }

    public Collection<List<Person>> people() { return Collections.unmodifiableCollection(people.values()); }

    /** The people who held the office for the country on the date. */
    public List<Person> holders(String officeId, String country, LocalDate date) {
        List<Person> out = new ArrayList<>();
        for (List<Person> terms : people.values())
            for (Person p : terms)
                if (p.office().equals(officeId) && p.country().equals(country) && p.inOffice(date)) out.add(p);
        return out;
    }

    /**
     * The people who held the office for the country on the date in the given body (an organisation id: the
     * ministry, the province's government, the armed service). A null body gives {@link #holders(String, String, LocalDate)}.
     */
    public List<Person> holders(String officeId, String country, String body, LocalDate date) {
        if (body == null) return holders(officeId, country, date);
        List<Person> out = new ArrayList<>();
        for (Person p : holders(officeId, country, date)) if (body.equals(p.body())) out.add(p);
        return out;
    }

    /** The person's term in force on the date, else their latest term. */
    public Optional<Person> term(String personId, LocalDate date) {
        List<Person> terms = person(personId);
        if (terms.isEmpty()) return Optional.empty();
        for (Person p : terms) if (p.inOffice(date)) return Optional.of(p);
        Person latest = terms.get(0);
        for (Person p : terms) if (p.start() != null && (latest.start() == null || p.start().isAfter(latest.start()))) latest = p;
        return Optional.of(latest);
    }

    /**
     * Lower-cased single name tokens (surnames, given names) of people in office on the date, mapped to person ids.
     * Words of {@code common-name-words.txt} (shared given names, "Lalu", "Putri"…) are left out.
     */
    public Map<String, Set<String>> nameTokens(LocalDate date) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Map.Entry<String, List<Person>> e : nameTokenTerms().entrySet()) {
            Set<String> ids = namedBy(e.getValue(), date);
            if (!ids.isEmpty()) out.put(e.getKey(), ids);
        }
        return out;
    }

    /**
     * The ids of the people in office on the date with the lower-cased name token (as in
     * {@link #nameTokens(LocalDate)}), without building the whole map: empty when none.
     */
    public Set<String> nameTokenPeople(String token, LocalDate date) {
        List<Person> terms = nameTokenTerms().get(token);
        return terms == null ? Set.of() : namedBy(terms, date);
    }

    private static Set<String> namedBy(List<Person> terms, LocalDate date) {
        Set<String> ids = new HashSet<>();
        for (Person p : terms) if (p.inOffice(date)) ids.add(p.id());
        return ids;
    }

    /** Name token → every term of a person with that name word, built once on first use (the KB is immutable). */
    private volatile Map<String, List<Person>> nameTokenTerms;

    private Map<String, List<Person>> nameTokenTerms() {
        Map<String, List<Person>> index = nameTokenTerms;
        if (index != null) return index;
        index = new HashMap<>();
        for (List<Person> terms : people.values())
            for (Person p : terms)
                for (String tok : p.name().split("[\\s-]+"))
                    if (tok.length() > 2 && Character.isUpperCase(tok.charAt(0))
                            && !commonNameWords.contains(tok.toLowerCase(Locale.ROOT))) {
                        List<Person> list = index.computeIfAbsent(tok.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
                        if (list.isEmpty() || list.get(list.size() - 1) != p) list.add(p);
                    }
        nameTokenTerms = index;
        return index;
    }
}
