package org.warta.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The benchmark corpus: the Indonesian texts of {@code bench/} (events-id texts, the IndoTimex development
 * articles of {@code kompas_development.zip}, the seed), copied over and over until the corpus reaches the
 * size asked for. Every copy is perturbed with its own seeded random generator, so the corpus is the same on
 * every run and no two copies are the same text: names are swapped for other capitalised words of the
 * sources, digits are changed, and the sentences of each paragraph are shuffled (the title stays first).
 *
 * <p>The corpus is written as text pages, 1,000 to a folder, into a cache directory, with a {@code COMPLETE}
 * marker that lets a later run reuse it.
 */
public final class BenchCorpus {
    /** Bumped when the generation changes, so an old cached corpus is not reused. */
    public static final int VERSION = 1;
    static final String MARKER = "COMPLETE";

    private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}\\p{Ll}{2,}\\b");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’]?)\\s+(?=[\\p{Lu}\\d\"“])");
    private static final Pattern TML_TITLE = Pattern.compile("(?s)<TITLE>(.*?)</TITLE>");
    private static final Pattern TML_TEXT = Pattern.compile("(?s)<TEXT>(.*?)</TEXT>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    /** A built corpus: its folder, files in reading order, and total bytes. */
    public record Corpus(Path dir, List<Path> files, long bytes, int sources) {}

    private BenchCorpus() {}

    /** The source texts found under a {@code bench} directory (and its sibling {@code seed}), sorted by name. */
    public static List<String> sources(Path bench) throws IOException {
        List<String> out = new ArrayList<>();
        Path texts = bench.resolve("events-id/texts");
        if (Files.isDirectory(texts)) out.addAll(readTexts(texts));
        Path seed = bench.toAbsolutePath().normalize().getParent() == null ? null
                : bench.toAbsolutePath().normalize().getParent().resolve("seed");
        if (seed != null && Files.isDirectory(seed)) out.addAll(readTexts(seed));
        Path zip = bench.resolve("indotimex/kompas_development.zip");
        if (Files.isRegularFile(zip)) out.addAll(timeMlTexts(zip));
        return out;
    }

    private static List<String> readTexts(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList())
                out.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Title and text of each TimeML document in a zip, tags stripped: a text page. */
    static List<String> timeMlTexts(Path zip) throws IOException {
        Map<String, String> byName = new java.util.TreeMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (e.isDirectory() || !e.getName().endsWith(".tml")) continue;
                String xml = new String(z.readAllBytes(), StandardCharsets.UTF_8);
                Matcher title = TML_TITLE.matcher(xml);
                Matcher text = TML_TEXT.matcher(xml);
                if (!text.find()) continue;
                String body = unescape(TAG.matcher(text.group(1)).replaceAll("")).strip();
                String head = title.find() ? unescape(TAG.matcher(title.group(1)).replaceAll("")).strip() : "";
                if (!body.isEmpty()) byName.put(e.getName(), head.isEmpty() ? body : head + "\n\n" + body);
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    /**
     * Builds (or reuses) a corpus of at least {@code bytes} bytes in {@code dir}, from the sources under
     * {@code bench}.
     */
    public static Corpus build(Path bench, Path dir, long bytes) throws IOException {
        List<String> sources = sources(bench);
        if (sources.isEmpty())
            throw new IOException("no benchmark texts found under " + bench.toAbsolutePath().normalize()
                    + " (expected events-id/texts/*.txt, ../seed/*.txt or indotimex/kompas_development.zip; give --data DIR)");
        if (Files.isRegularFile(dir.resolve(MARKER))) {
            Corpus cached = list(dir, sources.size());
            if (cached.bytes() >= bytes) return cached;
        }
        Files.createDirectories(dir);
        List<String> pool = namePool(sources);
        long written = 0;
        int n = 0;
        while (written < bytes) {
            String source = sources.get(n % sources.size());
            String copy = perturb(source, pool, new Random(31L * n + VERSION));
            byte[] b = copy.getBytes(StandardCharsets.UTF_8);
            Path f = file(dir, n);
            Files.createDirectories(f.getParent());
            Files.write(f, b);
            written += b.length;
            n++;
        }
        Files.writeString(dir.resolve(MARKER), n + " files, " + written + " bytes, version " + VERSION + "\n");
        return list(dir, sources.size());
    }

    static Path file(Path dir, int n) {
        return dir.resolve(String.format("%03d/%06d.txt", n / 1000, n));
    }

    private static Corpus list(Path dir, int sources) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        long total = 0;
        for (Path f : files) total += Files.size(f);
        return new Corpus(dir, files, total, sources);
    }

    /** Capitalised words of the sources (not the first word of a line), sorted, deduplicated. */
    static List<String> namePool(List<String> sources) {
        Set<String> names = new java.util.TreeSet<>();
        for (String s : sources) {
            Matcher m = NAME.matcher(s);
            while (m.find()) names.add(m.group());
        }
        return List.copyOf(names);
    }

    /**
     * One perturbed copy: the first line (the title) stays first; each later paragraph has its sentences
     * shuffled; about half of the distinct capitalised words are replaced by other words of the pool, the
     * same replacement throughout the copy; every digit is replaced by a random digit.
     */
    static String perturb(String text, List<String> pool, Random random) {
        Map<String, String> names = new HashMap<>();
        Matcher nm = NAME.matcher(text);
        Set<String> seen = new LinkedHashSet<>();
        while (nm.find()) seen.add(nm.group());
        for (String name : seen)
            if (random.nextBoolean() && !pool.isEmpty()) names.put(name, pool.get(random.nextInt(pool.size())));
        StringBuilder renamed = new StringBuilder(text.length() + 64);
        nm = NAME.matcher(text);
        while (nm.find()) nm.appendReplacement(renamed, Matcher.quoteReplacement(names.getOrDefault(nm.group(), nm.group())));
        nm.appendTail(renamed);
        StringBuilder digits = new StringBuilder(renamed.length());
        Matcher dm = DIGIT.matcher(renamed);
        while (dm.find()) dm.appendReplacement(digits, String.valueOf((char) ('0' + random.nextInt(10))));
        dm.appendTail(digits);
        String[] lines = digits.toString().split("\n", -1);
        StringBuilder out = new StringBuilder(digits.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) out.append('\n');
            if (i == 0) {
                out.append(lines[i]);
                continue;
            }
            List<String> sentences = new ArrayList<>(List.of(SENTENCE_END.split(lines[i])));
            Collections.shuffle(sentences, random);
            out.append(String.join(" ", sentences));
        }
        return out.toString();
    }
}
