package org.warta.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Doc;

class LanguageIdentifierTest {
    private final LanguageIdentifier lid = new LanguageIdentifier(new Languages(List.of()));

    private Doc doc(String text, String lang) {
        return new Doc(new Article("x", "t", null, null, null, "t", text, lang, null, null, false, null,
                List.of(), List.of(), null), LocalDate.of(2025, 1, 1));
    }

    @Test
    void wordsAreTheMatchesOfTheWordPattern() {
        for (String text : List.of("Don't stop—it’s 5 o'clock; l'' x' 'y", "Jakarta, 30/10 — Presiden bilang \"ya\".",
                "𝐀𝐁c d𝐞 😀word", "", "'", "a’b’c’", "ÉCOLE naïve İstanbul", "x\uDC00y \uD835z")) {
            List<String> expected = new java.util.ArrayList<>();
            java.util.regex.Matcher m = LanguageIdentifier.WORD.matcher(text);
            while (m.find()) expected.add(m.group().toLowerCase(java.util.Locale.ROOT));
            List<String> found = new java.util.ArrayList<>();
            LanguageIdentifier.words(text, found::add);
            assertThat(found).as(text).isEqualTo(expected);
        }
    }

    @Test
    void wordsUpToALengthAreTheShortMatches() {
        String text = "Don't stop—it’s 5 o'clock; 𝐀𝐁c d𝐞 ÉCOLE naïve İstanbul di ke yang";
        for (int max : new int[] {0, 2, 3, 5}) {
            List<String> expected = new java.util.ArrayList<>();
            java.util.regex.Matcher m = LanguageIdentifier.WORD.matcher(text);
            while (m.find()) if (m.group().length() <= max) expected.add(m.group().toLowerCase(java.util.Locale.ROOT));
            List<String> found = new java.util.ArrayList<>();
            LanguageIdentifier.words(text, max, found::add);
            assertThat(found).as("max " + max).isEqualTo(expected);
        }
    }

    @Test
    void lowerCasingNeverShortensACodePoint() { // what leaving out the words longer than every stop word relies on
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = new String(Character.toChars(cp));
            assertThat(s.toLowerCase(java.util.Locale.ROOT).length()).as("U+%04X", cp).isGreaterThanOrEqualTo(s.length());
        }
    }

    @Test
    void choosesByStopWords() {
        Doc id = doc("Pemerintah daerah mengatakan bahwa jalan yang rusak itu akan segera diperbaiki oleh dinas terkait.", null);
        lid.process(id);
        assertThat(id.article().language()).isEqualTo("id");
        Doc en = doc("The regional government said that the damaged road would be repaired by the agency in the coming weeks.", null);
        lid.process(en);
        assertThat(en.article().language()).isEqualTo("en");
    }

    @Test
    void keepsAGivenLanguageAndDefaultsToIndonesian() {
        Doc given = doc("The minister said that the plan was ready.", "id");
        lid.process(given);
        assertThat(given.article().language()).isEqualTo("id");
        Doc none = doc("12345 !!! ---", null);
        lid.process(none);
        assertThat(none.article().language()).isEqualTo("id");
        assertThat(lid.codes()).contains("id", "en");
    }
}
