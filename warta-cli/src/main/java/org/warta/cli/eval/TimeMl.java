package org.warta.cli.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * TimeML documents ({@code .tml}) as the time eval reads them: the plain text of {@code <TEXT>}, the
 * creation time (the anchor, not scored) and the gold TIMEX3 extents with their type and value. Reads a
 * {@code .tml} file, a zip of them, or a folder holding either; writes a document back with other TIMEX3 tags.
 */
final class TimeMl {
    /** A gold or predicted TIMEX3: char offsets into the plain text of TEXT. */
    record Timex(int start, int end, String type, String value) {}

    /** One document: its name, creation date, the markup around TEXT, the plain text and the gold expressions. */
    record Document(String name, LocalDate dct, String head, String tail, String text, List<Timex> gold) {}

    private static final Pattern DCT = Pattern.compile(
            "<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final Pattern TYPE = Pattern.compile("\\btype=\"([^\"]*)\"");
    private static final Pattern TEXT = Pattern.compile("<TEXT>(.*?)</TEXT>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z0-9]+)([^>]*)>");
    private static final Pattern YMD = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private TimeMl() {}

    /** All documents under a path: a .tml file, a .zip of them, or a folder (searched recursively, sorted); a bad one stops the read. */
    static List<Document> read(Path path) throws IOException {
        List<String> failed = new ArrayList<>();
        List<Document> out = read(path, failed);
        if (!failed.isEmpty()) throw new IOException(failed.get(0));
        return out;
    }

    /**
     * All documents under a path; a document that cannot be read (no creation time, no TEXT, bad zip) is
     * left out with a message naming it in {@code failed}, and the others are read.
     */
    static List<Document> read(Path path, List<String> failed) throws IOException {
        List<Document> out = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(path)) {
                files = s.filter(Files::isRegularFile).filter(p -> isTml(p.toString()) || p.toString().endsWith(".zip"))
                        .sorted().toList();
            }
            for (Path f : files) out.addAll(read(f, failed));
        } else if (path.toString().endsWith(".zip")) {
            try (InputStream in = Files.newInputStream(path); ZipInputStream z = new ZipInputStream(in)) {
                for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                    if (e.isDirectory() || !isTml(e.getName()) || e.getName().contains("__MACOSX")) continue;
                    String name = path.getFileName() + "!" + e.getName();
                    try {
                        out.add(parse(name, new String(z.readAllBytes(), StandardCharsets.UTF_8)));
                    } catch (IOException bad) {
                        failed.add(bad.getMessage());
                    }
                }
            } catch (IOException | IllegalArgumentException bad) {
                failed.add(path + ": not a readable zip: " + bad.getMessage());
            }
        } else if (Files.isRegularFile(path)) {
            try {
                out.add(parse(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8)));
            } catch (IOException bad) {
                failed.add(bad.getMessage() == null ? path + ": cannot read" : bad.getMessage().startsWith(path.getFileName().toString())
                        ? bad.getMessage() : path.getFileName() + ": " + bad.getMessage());
            }
        } else {
            throw new IOException("no such file or folder: " + path);
        }
        return out;
    }

    private static boolean isTml(String name) {
        return name.endsWith(".tml") || name.endsWith(".TML");
    }

    /** Parses one document; a document without a creation date or TEXT is an error naming it. */
    static Document parse(String name, String xml) throws IOException {
        Matcher dm = DCT.matcher(xml);
        if (!dm.find()) throw new IOException(name + ": no creation time (TIMEX3 functionInDocument=\"CREATION_TIME\")");
        Matcher vm = VALUE.matcher(dm.group());
        Matcher ymd = vm.find() ? YMD.matcher(vm.group(1)) : null;
        if (ymd == null || !ymd.lookingAt()) throw new IOException(name + ": creation time has no date value");
        LocalDate dct = LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)), Integer.parseInt(ymd.group(3)));
        Matcher tm = TEXT.matcher(xml);
        if (!tm.find()) throw new IOException(name + ": no <TEXT> element");
        String body = tm.group(1);
        StringBuilder plain = new StringBuilder();
        List<Timex> gold = new ArrayList<>();
        int openStart = -1;
        String openType = null, openValue = null;
        Matcher t = TAG.matcher(body);
        int last = 0;
        while (t.find()) {
            plain.append(unescape(body.substring(last, t.start())));
            last = t.end();
            if (!t.group(2).equals("TIMEX3")) continue;
            if (t.group(1).isEmpty()) {
                openStart = plain.length();
                openType = attr(TYPE, t.group(3));
                openValue = attr(VALUE, t.group(3));
            } else if (openStart >= 0) {
                gold.add(new Timex(openStart, plain.length(), openType, openValue));
                openStart = -1;
            }
        }
        plain.append(unescape(body.substring(last)));
        return new Document(name, dct, xml.substring(0, tm.start(1)), xml.substring(tm.end(1)), plain.toString(), gold);
    }

    private static String attr(Pattern p, String attrs) {
        Matcher m = p.matcher(attrs);
        return m.find() ? m.group(1) : "";
    }

    /** The document with TEXT holding the plain text and the given TIMEX3 tags (ids t1, t2, … after the creation time). */
    static String write(Document d, List<Timex> timexes) {
        StringBuilder sb = new StringBuilder(d.head());
        String text = d.text();
        int pos = 0, id = 1;
        for (Timex x : timexes) {
            if (x.start() < pos) continue; // overlapping expressions cannot nest in TimeML
            sb.append(escape(text.substring(pos, x.start())));
            sb.append("<TIMEX3 tid=\"tp").append(id++).append("\" type=\"").append(escape(x.type()))
                    .append("\" value=\"").append(escape(x.value() == null ? "" : x.value())).append("\">");
            sb.append(escape(text.substring(x.start(), x.end()))).append("</TIMEX3>");
            pos = x.end();
        }
        sb.append(escape(text.substring(pos))).append(d.tail());
        return sb.toString();
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
