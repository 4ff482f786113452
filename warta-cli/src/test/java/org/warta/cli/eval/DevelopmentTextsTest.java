package org.warta.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.warta.Warta;
import org.warta.lang.Languages;
import org.warta.model.Doc;
import org.warta.model.Event;
import org.warta.model.Page;
import org.warta.model.PlaceMention;
import org.warta.model.TimeExpr;
import org.warta.number.NumberReader;
import org.warta.pipeline.Pipeline;

/**
 * Time expressions, quantities and places in real sentences of the development texts in {@code ../shared/bench}
 * (IndoTimex {@code kompas_development.zip}, the events-id and linking texts), read at test time: each case
 * names a file and a short locating string (the expression itself), and the value expected there. No test
 * split is read.
 */
class DevelopmentTextsTest {
    static Path bench;
    static Pipeline pipeline;
    static Map<String, TimeMl.Document> kompas = new HashMap<>();
    static final Map<String, Doc> coded = new HashMap<>();
    static final NumberReader NUMBERS = new NumberReader(new Languages(List.of()));

    @BeforeAll
    static void load() throws Exception {
        bench = Path.of(System.getProperty("warta.shared", "../shared")).resolve("bench");
        Path zip = bench.resolve("indotimex/kompas_development.zip");
        if (!Files.isRegularFile(zip)) {
            if ("true".equals(System.getProperty("warta.ci"))) fail("missing " + zip + " (warta.ci=true)");
            assumeTrue(false, "skipped: development texts not found under " + bench + " (set -Dwarta.shared=DIR)");
        }
        for (TimeMl.Document d : TimeMl.read(zip)) kompas.put(d.name().replaceAll(".*[!/]", ""), d);
        pipeline = Warta.builder().build();
    }

    static Stream<Arguments> times() {
        return Stream.of(
                // absolute dates with weekday and numeric day/month/year; parts of the day
                Arguments.of("20131023-1333382.tml", "Rabu (23/10/2013)", "DATE", "2013-10-23"),
                Arguments.of("20131018-0725521.tml", "Kamis (17/10/2013)", "DATE", "2013-10-17"),
                Arguments.of("20141225-214820126.tml", "Kamis (25/12/2014)", "DATE", "2014-12-25"),
                Arguments.of("20150107-0830253.tml", "Selasa (6/1/2015)", "DATE", "2015-01-06"),
                Arguments.of("20141205-083209726.tml", "Jumat (5/12/2014)", "DATE", "2014-12-05"),
                Arguments.of("20141203-212700926.tml", "Rabu (3/12/2014) malam", "TIME", "2014-12-03TNI"),
                Arguments.of("20141230-102920526.tml", "Senin (29/12/2014) malam", "TIME", "2014-12-29TNI"),
                Arguments.of("20141212-083825426.tml", "Jumat pagi", "TIME", "2014-12-12TMO"),
                Arguments.of("20141211-162849826.tml", "sore ini", "TIME", "2014-12-11TAF"),
                // weekdays alone: the latest such day before the creation date
                Arguments.of("20141230-084336726.tml", "Senin", "DATE", "2014-12-29"),
                Arguments.of("20141120-082555126.tml", "Rabu", "DATE", "2014-11-19"),
                // relative expressions
                Arguments.of("20131128-1929486.tml", "kemarin", "DATE", "2013-11-27"),
                Arguments.of("20141205-083209726.tml", "kemarin", "DATE", "2014-12-04"),
                Arguments.of("20141120-155907326.tml", "hari ini", "DATE", "2014-11-20"),
                Arguments.of("20141215-181900926.tml", "pekan lalu", "DATE", "2014-W50"),
                Arguments.of("20150107-0830253.tml", "bulan lalu", "DATE", "2014-12"),
                Arguments.of("20131018-0725521.tml", "bulan depan", "DATE", "2013-11"),
                Arguments.of("20141127-082350126.tml", "tahun depan", "DATE", "2015"),
                Arguments.of("20131023-1333382.tml", "awal tahun depan", "DATE", "2014"),
                Arguments.of("20141119-080246426.tml", "akhir bulan", "DATE", "2014-11"),
                Arguments.of("20131223-1322550.tml", "akhir Desember ini", "DATE", "2013-12"),
                Arguments.of("20141218-055816426.tml", "sepekan sebelumnya", "DATE", "2014-W50"),
                Arguments.of("20141128-080819926.tml", "baru-baru ini", "DATE", "PAST_REF"),
                Arguments.of("20141229-141400726.tml", "ke depan", "DATE", "FUTURE_REF"),
                Arguments.of("20131023-1333382.tml", "saat ini", "DATE", "PRESENT_REF"),
                // months and years, with and without a year written
                Arguments.of("20141128-080819926.tml", "akhir Mei 2010", "DATE", "2010-05"),
                Arguments.of("20150107-0830253.tml", "awal Mei 2009", "DATE", "2009-05"),
                Arguments.of("20141126-081832926.tml", "Juni", "DATE", "2014-06"),
                Arguments.of("20131206-1807149.tml", "Juni lalu", "DATE", "2013-06"),
                Arguments.of("20150107-0830253.tml", "November", "DATE", "2014-11"),
                Arguments.of("20141126-114157826.tml", "2027", "DATE", "2027"),
                // durations and sets
                Arguments.of("20131023-1333382.tml", "Sepuluh hari", "DURATION", "P10D"),
                Arguments.of("20141211-050700926.tml", "lima tahun", "DURATION", "P5Y"),
                Arguments.of("20141126-081832926.tml", "tiga tahun", "DURATION", "P3Y"),
                Arguments.of("20131205-1451263.tml", "Setiap 5 menit", "SET", "PT5M"),
                Arguments.of("20150107-0830253.tml", "per hari", "SET", "P1D"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("times")
    void timeExpressionsInKompasDevelopmentTexts(String file, String text, String type, String value) {
        TimeMl.Document d = kompas.get(file);
        assertThat(d).as("document " + file).isNotNull();
        assertThat(d.text()).contains(text);
        List<TimeExpr> ts = TimeCommand.tag(pipeline, d);
        assertThat(ts).filteredOn(t -> t.text().equals(text)).as("expressions '" + text + "' in " + file)
                .isNotEmpty().allSatisfy(t -> {
                    assertThat(t.type()).isEqualTo(type);
                    assertThat(t.value()).isEqualTo(value);
                });
    }

    static Stream<Arguments> quantities() {
        return Stream.of(
                Arguments.of("events-id/texts/gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_428.txt", "1.743", 1743L, false),
                Arguments.of("events-id/texts/gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_854.txt", "tujuh juta", 7_000_000L, false),
                Arguments.of("events-id/texts/gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_854.txt", "ribuan", 1000L, true),
                Arguments.of("events-id/texts/gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_966.txt", "338", 338L, false),
                Arguments.of("events-id/texts/gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_552.txt", "100", 100L, false),
                Arguments.of("linking/texts/174.txt", "3,52 miliar", 3_520_000_000L, false),
                Arguments.of("linking/texts/174.txt", "621,5 juta", 621_500_000L, false),
                Arguments.of("linking/texts/174.txt", "2,9 miliar", 2_900_000_000L, false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("quantities")
    void quantitiesInDevelopmentTexts(String file, String written, long value, boolean approximate) throws Exception {
        String text = read(file);
        int at = indexOfNumber(text, written);
        assertThat(at).as("'" + written + "' in " + file).isGreaterThanOrEqualTo(0);
        List<NumberReader.Quantity> qs = NUMBERS.find(text, "id");
        assertThat(qs).filteredOn(q -> q.start() == at).singleElement().satisfies(q -> {
            assertThat(text.substring(q.start(), q.end())).isEqualTo(written);
            assertThat(q.value()).isEqualTo(value);
            assertThat(q.approximate()).isEqualTo(approximate);
        });
    }

    static Stream<Arguments> places() {
        String d = "events-id/texts/gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_";
        return Stream.of(
                Arguments.of(d + "854.txt", "2025-10-19", "Los Angeles", "USA", "city", "US.CA"),
                Arguments.of(d + "854.txt", "2025-10-19", "Florida", "USA", "admin1", "US.FL"),
                Arguments.of(d + "860.txt", "2025-10-21", "Bogor", "IDN", "city", "ID.30"),
                Arguments.of(d + "860.txt", "2025-10-21", "Kabupaten Bogor", "IDN", "admin2", "ID.30"),
                Arguments.of(d + "966.txt", "2025-10-22", "Arab Saudi", "SAU", "country", null),
                Arguments.of(d + "180.txt", "2025-10-21", "Gedung Putih", "USA", "place", null));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("places")
    void placesInDevelopmentTexts(String file, String date, String name, String country, String resolution, String admin1)
            throws Exception {
        Doc doc = code(file, date);
        assertThat(doc.places()).filteredOn(p -> p.text().equals(name)).as("places '" + name + "' in " + file)
                .isNotEmpty().allSatisfy(p -> {
                    assertThat(p.place().country()).isEqualTo(country);
                    assertThat(p.place().resolution()).isEqualTo(resolution);
                    assertThat(p.place().admin1()).isEqualTo(admin1);
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void noPlaceInsideAPersonsName(String file, String date) throws Exception {
        Doc doc = code(file, date);
        for (PlaceMention p : doc.places())
            assertThat(doc.entities()).noneMatch(e -> e.kind() == org.warta.model.EntityMention.Kind.PERSON && e.overlaps(p));
    }

    @org.junit.jupiter.api.Test
    void eventsOfDevelopmentTextsGetTheirPlaceAndDate() throws Exception {
        Doc la = code("events-id/texts/gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_854.txt", "2025-10-19");
        assertThat(la.events()).filteredOn(e -> e.type().equals("PROTEST") && e.mentions().get(0).sentence() == 0)
                .isNotEmpty().allSatisfy(e -> assertThat(e.location().country()).isEqualTo("USA"));
        Doc rare = code("events-id/texts/gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_180.txt", "2025-10-21");
        // signed at the White House on Monday (20/10); "pada tahun 2032" later in the text dates a sale, not the signing
        assertThat(rare.events()).filteredOn(e -> e.type().equals("SUPPORT") && e.mentions().get(0).sentence() == 1)
                .isNotEmpty().allSatisfy(e -> {
                    assertThat(e.date()).isEqualTo("2025-10-20");
                    assertThat(e.location().country()).isEqualTo("USA");
                    assertThat(e.location().resolution()).isEqualTo("place");
                });
    }

    @org.junit.jupiter.api.Test
    void seedDemandDeploymentAndDateline() throws Exception {
        Path seed = bench.getParent().resolve("seed/000_19298bd37c9aef41.txt");
        assumeTrue(Files.isRegularFile(seed), "seed not found");
        List<Event> events = pipeline.code(Page.text(seed.toString(), Files.readString(seed, StandardCharsets.UTF_8)),
                LocalDate.of(2026, 11, 27)).events();
        assertThat(events).filteredOn(e -> e.type().equals("REQUEST") && e.mentions().size() > 1)
                .isNotEmpty().allSatisfy(e -> assertThat(e.date()).isEqualTo("2024-10-30"));
        assertThat(events).filteredOn(e -> e.type().equals("MOBILIZE")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.location().country()).isEqualTo("RUS");
            assertThat(e.location().text()).doesNotContain("Washington");
            assertThat(e.size()).containsEntry("troops", 10000L);
        });
    }

    private static Doc code(String file, String date) throws Exception {
        String key = file + "@" + date;
        Doc d = coded.get(key);
        if (d == null) {
            d = pipeline.code(Page.text(file, read(file)), LocalDate.parse(date)).doc();
            coded.put(key, d);
        }
        return d;
    }

    private static String read(String file) throws Exception {
        return Files.readString(bench.resolve(file), StandardCharsets.UTF_8);
    }

    /** The first place the number is written as a whole (not inside a longer number). */
    private static int indexOfNumber(String text, String written) {
        for (int i = text.indexOf(written); i >= 0; i = text.indexOf(written, i + 1)) {
            boolean before = i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || ".,".indexOf(text.charAt(i - 1)) >= 0);
            int e = i + written.length();
            boolean after = e < text.length() && (Character.isLetterOrDigit(text.charAt(e))
                    || (e + 1 < text.length() && ".,".indexOf(text.charAt(e)) >= 0 && Character.isDigit(text.charAt(e + 1))));
            if (!before && !after) return i;
        }
        return -1;
    }
}
