package org.warta.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.warta.model.Doc;
import org.warta.model.TimeExpr;

/**
 * TempEval-3 style scores of {@link TimeTagger} on the IndoTimex Kompas gold documents shipped in
 * {@code ../shared/bench/indotimex}: relaxed recognition F1 (overlapping extents) and value F1 (overlap and
 * the same value), the creation time being the anchor and not scored.
 */
class IndoTimexBenchmarkTest {
    record Gold(int start, int end, String value) {}

    record TmlDoc(String name, String dct, String text, List<Gold> gold) {}

    private static final Pattern DCT = Pattern.compile(
            "<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", Pattern.DOTALL);
    private static final Pattern ATTR_VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final Pattern TEXT = Pattern.compile("<TEXT>(.*?)</TEXT>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z0-9]+)([^>]*)>");

    @Test
    void relaxedRecognitionOnKompasGold() throws IOException {
        Path zip = sharedDir().resolve("bench/indotimex/Kompas_test_gold.dev.zip");
        if (!Files.isRegularFile(zip)) {
            if ("true".equals(System.getProperty("warta.ci"))) fail("missing " + zip + " (warta.ci=true)");
            assumeTrue(false, "skipped: IndoTimex data not found at " + zip + " (set -Dwarta.shared=DIR)");
        }
        List<TmlDoc> docs = read(zip);
        assertThat(docs).isNotEmpty();
        int pred = 0, gold = 0, predHit = 0, goldHit = 0, predVal = 0, goldVal = 0;
        for (TmlDoc d : docs) {
            Doc doc = TimeTestSupport.doc(d.text(), "id", d.dct(), LocalDate.parse(d.dct()));
            new TimeTagger(TimeTestSupport.LANGS).process(doc);
            List<TimeExpr> ps = doc.times();
            pred += ps.size();
            gold += d.gold().size();
            for (TimeExpr p : ps) {
                boolean hit = false, val = false;
                for (Gold g : d.gold())
                    if (p.start() < g.end() && g.start() < p.end()) {
                        hit = true;
                        val |= g.value().equals(p.value());
                    }
                if (hit) predHit++;
                if (val) predVal++;
            }
            for (Gold g : d.gold()) {
                boolean hit = false, val = false;
                for (TimeExpr p : ps)
                    if (p.start() < g.end() && g.start() < p.end()) {
                        hit = true;
                        val |= g.value().equals(p.value());
                    }
                if (hit) goldHit++;
                if (val) goldVal++;
            }
        }
        double relaxed = f1(predHit, pred, goldHit, gold), value = f1(predVal, pred, goldVal, gold);
        System.out.printf(Locale.ROOT, "IndoTimex Kompas gold (%d docs, %d gold, %d predicted): relaxed F1 %.3f"
                + " (P %.3f R %.3f), value F1 %.3f%n", docs.size(), gold, pred, relaxed, (double) predHit / pred,
                (double) goldHit / gold, value);
        assertThat(gold).isGreaterThan(50);
        assertThat(relaxed).isGreaterThanOrEqualTo(0.5);
    }

    static double f1(int pHit, int p, int gHit, int g) {
        if (p == 0 || g == 0) return 0;
        double prec = (double) pHit / p, rec = (double) gHit / g;
        return prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
    }

    static Path sharedDir() {
        String s = System.getProperty("warta.shared");
        return Path.of(s == null ? "../shared" : s);
    }

    static List<TmlDoc> read(Path zip) throws IOException {
        List<TmlDoc> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.isDirectory() || !e.getName().endsWith(".tml")) continue;
                out.add(parse(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /** Plain text of TEXT with the TIMEX3 extents (char offsets into it) and values. */
    static TmlDoc parse(String name, String xml) {
        Matcher dm = DCT.matcher(xml);
        if (!dm.find()) throw new IllegalArgumentException(name + ": no creation time");
        Matcher vm = ATTR_VALUE.matcher(dm.group());
        if (!vm.find()) throw new IllegalArgumentException(name + ": creation time has no value");
        Matcher ymd = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})").matcher(vm.group(1));
        if (!ymd.lookingAt()) throw new IllegalArgumentException(name + ": creation time is not a date: " + vm.group(1));
        String dct = LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)),
                Integer.parseInt(ymd.group(3))).toString();
        Matcher tm = TEXT.matcher(xml);
        if (!tm.find()) throw new IllegalArgumentException(name + ": no TEXT");
        String body = tm.group(1);
        StringBuilder plain = new StringBuilder();
        List<Gold> gold = new ArrayList<>();
        int openStart = -1;
        String openValue = null;
        Matcher t = TAG.matcher(body);
        int last = 0;
        while (t.find()) {
            plain.append(unescape(body.substring(last, t.start())));
            last = t.end();
            if (!t.group(2).equals("TIMEX3")) continue;
            if (t.group(1).isEmpty()) {
                openStart = plain.length();
                Matcher v = ATTR_VALUE.matcher(t.group(3));
                openValue = v.find() ? v.group(1) : "";
            } else if (openStart >= 0) {
                gold.add(new Gold(openStart, plain.length(), openValue));
                openStart = -1;
            }
        }
        plain.append(unescape(body.substring(last)));
        return new TmlDoc(name, dct, plain.toString(), gold);
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
