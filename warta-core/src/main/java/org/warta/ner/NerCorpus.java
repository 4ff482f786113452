package org.warta.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import org.warta.lang.DataFileException;

/**
 * Named-entity data in the CoNLL column layout: one {@code token<TAB>tag} a line (BIO tags such as
 * {@code B-PERSON}, {@code I-PERSON}, {@code O}), a blank line between sentences.
 */
public final class NerCorpus {
    /** One sentence: its tokens and their BIO tags (same length). */
    public record Sentence(String[] words, String[] tags) {}

    private NerCorpus() {}

    /**
     * Reads a file. A line without a tag, a tag that is not {@code O} or {@code B-…}/{@code I-…}, or
     * text that is not UTF-8 is an error naming the file and line.
     */
    public static List<Sentence> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no such file: " + file);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Sentence> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    flush(out, words, tags);
                    continue;
                }
                int tab = line.lastIndexOf('\t');
                if (tab < 0) tab = line.lastIndexOf(' ');
                if (tab <= 0) throw new DataFileException(file.toString(), lineNo, "expected token<TAB>tag but found: " + line);
                String word = line.substring(0, tab).strip();
                String tag = line.substring(tab + 1).strip();
                if (!(tag.equals("O") || tag.matches("[BIES]-\\S+")))
                    throw new DataFileException(file.toString(), lineNo, "tag must be O, B-TYPE or I-TYPE: '" + tag + "'");
                if (word.isEmpty()) throw new DataFileException(file.toString(), lineNo, "empty token");
                words.add(word);
                tags.add(tag.startsWith("S-") ? "B" + tag.substring(1) : tag.startsWith("E-") ? "I" + tag.substring(1) : tag);
            }
        } catch (CharacterCodingException e) {
            throw new IOException(file + ":" + (lineNo + 1) + ": not UTF-8 text", e);
        }
        flush(out, words, tags);
        return out;
    }

    private static void flush(List<Sentence> out, List<String> words, List<String> tags) {
        if (words.isEmpty()) return;
        out.add(new Sentence(words.toArray(String[]::new), tags.toArray(String[]::new)));
        words.clear();
        tags.clear();
    }

    /** True when no sentence has an upper-case letter (the text was lowercased, as NERP's is). */
    public static boolean lowercased(List<Sentence> data) {
        for (Sentence s : data)
            for (String w : s.words())
                for (int i = 0; i < w.length(); i++) if (Character.isUpperCase(w.charAt(i))) return false;
        return true;
    }

    /**
     * True when fewer than one word in a hundred has an upper-case letter: text written in lower case, though
     * a few words kept their capitals (NERP's "RI", "Anies"). {@link #lowercased} is the stricter test the
     * tagger's case handling uses.
     */
    public static boolean mostlyLowercased(List<Sentence> data) {
        long words = 0, capitalised = 0;
        for (Sentence s : data)
            for (String w : s.words()) {
                words++;
                if (!w.equals(w.toLowerCase(java.util.Locale.ROOT))) capitalised++;
            }
        return capitalised * 100 < words;
    }
}
