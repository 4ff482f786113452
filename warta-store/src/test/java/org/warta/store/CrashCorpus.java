package org.warta.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.warta.io.Json;

/**
 * A small generated news corpus for the crash tests: reports of a dozen diplomatic and security events in
 * Indonesian and English, each event told by two outlets in different words (so that stories link several
 * articles), plus two syndicated copies (stored as near-duplicates). Every article carries a unique token
 * ({@link #token(int)}) that a full-text search finds in it alone.
 */
final class CrashCorpus {
    private static final String[][] ID_PAIRS = {{"Indonesia", "Malaysia"}, {"Jepang", "Korea Selatan"}, {"Australia", "Selandia Baru"},
        {"Filipina", "Vietnam"}, {"Thailand", "Kamboja"}, {"India", "Pakistan"}};
    private static final String[][] EN_PAIRS = {{"France", "Germany"}, {"Canada", "Mexico"}, {"Brazil", "Argentina"},
        {"Kenya", "Uganda"}, {"Egypt", "Jordan"}, {"Poland", "Ukraine"}};
    private static final String[] ID_CITY = {"Jakarta", "Tokyo", "Canberra", "Manila", "Bangkok", "New Delhi"};
    private static final String[] EN_CITY = {"Paris", "Ottawa", "Brasilia", "Nairobi", "Cairo", "Warsaw"};
    private static final String[] ID_DAYS = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};
    private static final String[] EN_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private CrashCorpus() {}

    /** The token only article {@code i} contains. */
    static String token(int i) {
        return String.format("wrtk%03dq", i);
    }

    /** Writes the corpus as JSON lines and returns the number of articles. */
    static int write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        LocalDate start = LocalDate.of(2024, 9, 2); // a Monday
        int n = 0;
        for (int e = 0; e < ID_PAIRS.length + EN_PAIRS.length; e++) {
            boolean id = e % 2 == 0;
            int k = e / 2;
            LocalDate day = start.plusDays(3L * e);
            int dow = day.getDayOfWeek().getValue() - 1;
            for (int outlet = 0; outlet < 2; outlet++) {
                String text;
                String title;
                String host = (id ? new String[] {"kabar", "warta"} : new String[] {"news", "daily"})[outlet] + ".example";
                if (id) {
                    String a = ID_PAIRS[k][0], b = ID_PAIRS[k][1], city = ID_CITY[k];
                    title = outlet == 0 ? "Menteri Luar Negeri " + a + " Bertemu Menlu " + b : "Pertemuan " + a + " dan " + b + " di " + city;
                    text = outlet == 0
                            ? city + " (Kabar Contoh) - Menteri Luar Negeri " + a + " bertemu Menteri Luar Negeri " + b + " di " + city
                                    + " pada " + ID_DAYS[dow] + " untuk membahas kerja sama perdagangan kedua negara.\n\n"
                                    + "Kedua menteri sepakat membentuk tim bersama sebelum akhir tahun. Nomor arsip " + token(n) + ".\n\n"
                                    + "Pemerintah " + b + " mengecam serangan terhadap nelayan di perbatasan laut kedua negara."
                            : city + " (Warta Contoh) - Menlu " + b + " mengunjungi " + city + " dan bertemu Menteri Luar Negeri " + a
                                    + " pada " + ID_DAYS[dow] + ".\n\nPertemuan itu membahas perlindungan pekerja migran dan investasi. "
                                    + "Kode liputan " + token(n) + ".\n\nPresiden " + a + " akan berkunjung ke " + b + " bulan depan.";
                } else {
                    String a = EN_PAIRS[k][0], b = EN_PAIRS[k][1], city = EN_CITY[k];
                    title = outlet == 0 ? a + " and " + b + " foreign ministers meet in " + city : b + " envoy holds talks in " + city;
                    text = outlet == 0
                            ? city + " (News Example) - The foreign minister of " + a + " met the foreign minister of " + b + " in " + city
                                    + " on " + EN_DAYS[dow] + " to discuss trade and border security.\n\n"
                                    + "Both ministers agreed to set up a joint commission. Archive number " + token(n) + ".\n\n"
                                    + "The government of " + b + " condemned an attack on a border post last week."
                            : city + " (Daily Example) - " + b + "'s foreign minister visited " + city + " on " + EN_DAYS[dow]
                                    + " and met the foreign minister of " + a + ".\n\nThe talks covered migrant workers and investment. "
                                    + "Coverage code " + token(n) + ".\n\nThe president of " + a + " will visit " + b + " next month.";
                }
                if (outlet == 0 && e < 2) {
                    // long enough (60 words) to be compared for near-copies: the syndicated copies below are of these two
                    text += id ? "\n\nPara analis menilai pertemuan ini penting bagi stabilitas kawasan Asia Tenggara karena kedua negara "
                            + "menghadapi tekanan ekonomi yang sama, terutama harga pangan dan energi yang terus naik sejak awal tahun ini."
                            : "\n\nAnalysts said the meeting mattered for the stability of the region because both countries face the same "
                            + "economic pressure, above all food and energy prices that have kept rising since the start of this year.";
                }
                lines.add(line("https://" + host + "/" + day + "/story-" + e, outlet == 0 ? "Kabar Contoh" : "Warta Contoh", day,
                        id ? "id" : "en", title, text));
                n++;
            }
        }
        // two syndicated copies: the same text (but the token) under another outlet, stored as near-duplicates
        for (int c = 0; c < 2; c++) {
            ObjectNode first = (ObjectNode) Json.MAPPER.readTree(lines.get(c * 2));
            String text = first.get("text").asText().replace(token(c * 2), token(n));
            lines.add(line("https://syndicate.example/copy-" + c, "Sindikasi", LocalDate.parse(first.get("published").asText()),
                    first.get("language").asText(), first.get("title").asText(), text));
            n++;
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return n;
    }

    private static String line(String url, String outlet, LocalDate day, String language, String title, String text) {
        ObjectNode o = Json.object();
        o.put("url", url);
        o.put("outlet", outlet);
        o.put("published", day.toString());
        o.put("language", language);
        o.put("title", title);
        o.put("text", text);
        return Json.line(o);
    }
}
