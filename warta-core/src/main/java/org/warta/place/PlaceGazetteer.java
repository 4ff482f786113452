package org.warta.place;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import org.warta.kb.KnowledgeBase;
import org.warta.lang.DataFileException;
import org.warta.lang.TsvTable;
import org.warta.model.Location;

/**
 * The place gazetteer: countries, capitals, seats and territories of the knowledge base, first-level
 * divisions of every country and cities of 15,000 people or more (GeoNames), and Indonesia's kabupaten and
 * kota, all under {@code warta/geo/} (see its {@code SOURCES.md}). Names are looked up by a normalised key
 * (lower case, punctuation dropped, "D. C." → "dc"); each name may have several candidate places, which
 * {@link PlaceRecognizer} ranks with the article's context. Loaded once, immutable, thread-safe.
 */
public final class PlaceGazetteer {
    /** How precise a place is; the names are the event record's {@code resolution}. */
    public enum Level {
        COUNTRY("country"), ADMIN1("admin1"), ADMIN2("admin2"), CITY("city"), PLACE("place");

        public final String resolution;

        Level(String resolution) { this.resolution = resolution; }
    }

    /**
     * One candidate place for a name.
     *
     * @param exact for names the knowledge base writes in capitals ("AS", "RI"): the form the text must have, else null
     * @param weight prior preference among candidates of the same name (country > capital > division > city by size)
     */
    public record Place(String name, Level level, String country, String admin1, String admin1Name, Double lat, Double lon,
                        double weight, String exact) {
        /** This place as the event record's location, with the text as written. */
        public Location location(String text) {
            return new Location(text, country, level.resolution, name, admin1, admin1Name, lat, lon);
        }
    }

    private final Map<String, List<Place>> byKey;
    private final Set<String> firstWords = new HashSet<>(1 << 15);
    private final int maxWords;
    /** Every key, sorted: whether some key begins with a string is a binary search. */
    private final String[] sortedKeys;

    private record City(String name, String country, String admin1, double lat, double lon, long population, String kind) {}

    private PlaceGazetteer(Map<String, List<Place>> byKey) {
        int max = 1;
        for (Map.Entry<String, List<Place>> e : byKey.entrySet()) {
            List<Place> l = e.getValue();
            if (l.size() > 1) l.sort((a, b) -> Double.compare(b.weight(), a.weight()));
            e.setValue(List.copyOf(l));
            String k = e.getKey();
            int sp = k.indexOf(' ');
            firstWords.add(sp < 0 ? k : k.substring(0, sp));
            int words = 1;
            for (int i = sp; i >= 0; i = k.indexOf(' ', i + 1)) words++;
            max = Math.max(max, words);
        }
        this.byKey = byKey; // built by load() alone and never changed after; its lists are immutable copies
        this.maxWords = max;
        this.sortedKeys = byKey.keySet().toArray(new String[0]);
        java.util.Arrays.sort(sortedKeys);
    }

    /** Loads the built-in place files, the knowledge base's names, and each user directory's {@code geo/} files. */
    public static PlaceGazetteer load(KnowledgeBase kb, List<Path> userDirs) {
        Map<String, String> iso2to3 = new HashMap<>();
        for (TsvTable t : tables("warta/kb/countries.tsv", "kb/countries.tsv", userDirs))
            for (TsvTable.Row r : t.require("code", "iso2").rows()) iso2to3.put(r.required("iso2"), r.required("code"));
        Set<String> notPlaces = new HashSet<>();
        for (String w : TsvTable.wordList("warta/geo/not-places.txt", TsvTable.readResource("warta/geo/not-places.txt")))
            notPlaces.add(key(w));
        for (Path d : userDirs) {
            Path p = d.resolve("geo/not-places.txt");
            if (Files.isRegularFile(p)) {
                try {
                    for (String w : TsvTable.wordList(p.toString(), Files.readString(p))) notPlaces.add(key(w));
                } catch (java.io.IOException e) {
                    throw new DataFileException(p.toString(), 0, "cannot read: " + e.getMessage());
                }
            }
        }
        Builder b = new Builder(notPlaces);

        // first-level divisions
        Map<String, String> admin1Names = new HashMap<>();
        for (TsvTable t : tables("warta/geo/admin1.tsv", "geo/admin1.tsv", userDirs)) {
            for (TsvTable.Row r : t.require("code", "name", "ascii", "aliases").rows()) {
                String code = r.required("code");
                int dot = code.indexOf('.');
                if (dot != 2) throw r.error("admin1 code must be CC.XX: '" + code + "'");
                String country = alpha3(iso2to3, code.substring(0, 2));
                String name = r.required("name");
                admin1Names.put(code, name);
                Place p = new Place(name, Level.ADMIN1, country, code, name, null, null, 6.5, null);
                b.add(name, p);
                String ascii = r.get("ascii");
                if (!ascii.equals(name)) b.add(ascii, p);
                for (String a : r.list("aliases")) b.add(a, p);
            }
        }
        // cities
        Map<String, City> cities = new HashMap<>(); // by country + " " + key of name; the most populous first
        Map<String, City> capitals = new HashMap<>(); // by country
        for (TsvTable t : tables("warta/geo/cities.tsv", "geo/cities.tsv", userDirs)) {
            for (TsvTable.Row r : t.require("name", "ascii", "country", "admin1", "lat", "lon", "population", "kind").rows()) {
                City c;
                try {
                    c = new City(r.required("name"), r.required("country"), r.required("admin1"), Double.parseDouble(r.required("lat")),
                            Double.parseDouble(r.required("lon")), Long.parseLong(r.required("population")), r.required("kind"));
                } catch (NumberFormatException e) {
                    throw r.error("lat, lon and population must be numbers");
                }
                cities.putIfAbsent(c.country() + " " + key(c.name()), c);
                if (c.kind().equals("capital")) capitals.putIfAbsent(c.country(), c);
                String a1 = c.admin1().equals("-") ? null : c.country() + "." + c.admin1();
                Place p = new Place(c.name(), Level.CITY, alpha3(iso2to3, c.country()), a1, admin1Names.get(a1), c.lat(), c.lon(),
                        Math.log10(Math.max(10, c.population())), null);
                b.add(c.name(), p);
                String ascii = r.get("ascii");
                if (!ascii.equals(c.name())) b.add(ascii, p);
            }
        }
        // Indonesia's kabupaten and kota
        for (TsvTable t : tables("warta/geo/id-regions.tsv", "geo/id-regions.tsv", userDirs)) {
            for (TsvTable.Row r : t.require("code", "kind", "name", "admin1").rows()) {
                String kind = r.required("kind"), name = r.required("name");
                if (!kind.equals("kabupaten") && !kind.equals("kota")) throw r.error("kind must be kabupaten or kota: '" + kind + "'");
                String a1 = "ID." + r.required("admin1");
                if (!admin1Names.containsKey(a1)) throw r.error("unknown admin1 '" + a1 + "' (see admin1.tsv)");
                City c = kind.equals("kota") ? cities.get("ID " + key(name)) : null;
                String full = (kind.equals("kota") ? "Kota " : "Kabupaten ") + name;
                Place explicit = new Place(full, Level.ADMIN2, "IDN", a1, admin1Names.get(a1), c == null ? null : c.lat(),
                        c == null ? null : c.lon(), 60, null);
                b.add(full, explicit);
                if (kind.equals("kabupaten")) b.add("Kab. " + name, explicit);
                b.add(name, new Place(full, Level.ADMIN2, "IDN", a1, admin1Names.get(a1), explicit.lat(), explicit.lon(),
                        kind.equals("kota") ? 5.5 : 4.9, null));
            }
        }
        Map<String, String> iso3to2 = new HashMap<>();
        iso2to3.forEach((two, three) -> iso3to2.put(three, two));
        // the knowledge base: countries, capitals, seats, territories
        for (KnowledgeBase.Name n : kb.names()) {
            String exact = n.caseSensitive() ? n.text() : null;
            switch (n.kind()) {
                case COUNTRY -> {
                    String name = kb.country(n.ref()).map(KnowledgeBase.Country::nameEn).orElse(n.text());
                    b.addAlways(n.text(), new Place(name, Level.COUNTRY, n.ref(), null, null, null, null, 100, exact));
                }
                case CAPITAL -> {
                    String iso2 = iso3to2.get(n.ref());
                    // the national capital when its name begins with this one ("Washington" → "Washington, D. C."),
                    // else the city of this name in that country, else the national capital
                    City cap = iso2 == null ? null : capitals.get(iso2);
                    City c = cap != null && key(cap.name()).startsWith(key(n.text())) ? cap
                            : iso2 == null ? null : cities.getOrDefault(iso2 + " " + key(n.text()), cap);
                    String a1 = c == null || c.admin1().equals("-") ? null : c.country() + "." + c.admin1();
                    b.add(n.text(), new Place(c == null ? n.text() : c.name(), Level.CITY, n.ref(), a1, admin1Names.get(a1),
                            c == null ? null : c.lat(), c == null ? null : c.lon(), 50, exact));
                }
                case SEAT -> b.add(n.text(), new Place(n.text(), Level.PLACE, n.ref(), null, null, null, null, 40, exact));
                case TERRITORY -> b.add(n.text(), new Place(n.text(), Level.ADMIN1, n.ref(), null, null, null, null, 45, exact));
                default -> { }
            }
        }
        return new PlaceGazetteer(b.byKey);
    }

    private static final class Builder {
        // about 32,000 names from about 27,000 rows: sized so the map never rehashes
        final Map<String, List<Place>> byKey = new HashMap<>(1 << 16);
        final Set<String> notPlaces;
        /** The places of each key so far: a place is listed once per key. */
        final Map<String, Set<Place>> seen = new HashMap<>(1 << 16);

        Builder(Set<String> notPlaces) { this.notPlaces = notPlaces; }

        void add(String name, Place p) {
            if (name == null || name.isEmpty()) return;
            String k = key(name);
            if (!notPlaces.contains(k)) put(k, p);
        }

        void addAlways(String name, Place p) {
            put(key(name), p);
        }

        private void put(String k, Place p) {
            if (k.isEmpty()) return;
            if (!seen.computeIfAbsent(k, x -> new HashSet<>(4)).add(p)) return;
            byKey.computeIfAbsent(k, x -> new ArrayList<>(2)).add(p);
        }
    }

    private static List<TsvTable> tables(String resource, String userFile, List<Path> userDirs) {
        List<TsvTable> out = new ArrayList<>();
        TsvTable base = TsvTable.resource(resource);
        out.add(base);
        for (Path d : userDirs) {
            Path p = d.resolve(userFile);
            if (Files.isRegularFile(p)) out.add(TsvTable.file(p).require(base.columns().toArray(String[]::new)));
        }
        return out;
    }

    private static String alpha3(Map<String, String> iso2to3, String iso2) {
        String c = iso2to3.get(iso2);
        if (c != null) return c;
        try {
            String iso3 = new Locale("", iso2).getISO3Country();
            return iso3.isEmpty() ? null : iso3;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /**
     * The lookup key of a name: lower case, apostrophes and full stops and commas dropped, runs of single
     * letters joined ("Washington, D. C." and "Washington DC" both give "washington dc").
     */
    public static String key(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int wordLen = 0, prevWordLen = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == ',' || c == '\'' || c == '’' || Character.isWhitespace(c)) {
                if (wordLen > 0) {
                    prevWordLen = wordLen;
                    wordLen = 0;
                    pendingSpace = true;
                }
                continue;
            }
            if (pendingSpace) {
                // join runs of single letters: "d c" -> "dc"
                boolean join = prevWordLen == 1 && Character.isLetter(c) && (i + 1 >= s.length() || !Character.isLetterOrDigit(s.charAt(i + 1)));
                if (!join) sb.append(' ');
                else prevWordLen = 1;
                pendingSpace = false;
            }
            sb.append(Character.toLowerCase(c));
            wordLen++;
        }
        return sb.toString();
    }

    /** The candidate places of a normalised key, best prior first (empty if none). */
    public List<Place> lookup(String key) {
        return byKey.getOrDefault(key, Collections.emptyList());
    }

    /**
     * The best place for a name as written: candidates whose exact form (if any) the text has, ranked by
     * prior weight plus a bonus when their country is in {@code context} (the article's other countries).
     */
    public Place best(String written, Set<String> context) {
        Place best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Place p : lookup(key(written))) {
            if (p.exact() != null && !p.exact().equals(written)) continue;
            double score = p.weight() + (p.country() != null && context.contains(p.country()) ? CONTEXT_BONUS : 0);
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    /** What a candidate gains when the article names its country elsewhere: enough to beat a larger namesake abroad. */
    static final double CONTEXT_BONUS = 3;

    /** True if some name starts with this (normalised) word: a cheap test before building longer keys. */
    public boolean startsName(String firstWordKey) {
        return firstWords.contains(firstWordKey);
    }

    /** True if some name's key begins with this string (a key itself included). */
    public boolean startsKey(String prefix) {
        if (firstWords.contains(prefix)) return true; // the first word of a key
        int i = java.util.Arrays.binarySearch(sortedKeys, prefix);
        if (i >= 0) return true;
        i = -i - 1;
        return i < sortedKeys.length && sortedKeys[i].startsWith(prefix);
    }

    /** The greatest number of words in a name. */
    public int maxWords() {
        return maxWords;
    }

    /** How many distinct names the gazetteer holds. */
    public int size() {
        return byKey.size();
    }
}
