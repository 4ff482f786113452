package org.warta;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Random texts from a vocabulary, for tests that compare a fast path with its reference. */
public final class RandomTexts {
    private RandomTexts() {}

    /**
     * {@code minWords} plus up to {@code extraWords - 1} words of the vocabulary, each as it is, in upper case or
     * capitalised, followed by a space except one time in {@code glueOdds} (then glued to the next).
     */
    public static String of(Random rnd, List<String> vocab, int minWords, int extraWords, int glueOdds) {
        StringBuilder sb = new StringBuilder();
        int words = minWords + rnd.nextInt(extraWords);
        for (int i = 0; i < words; i++) {
            String w = vocab.get(rnd.nextInt(vocab.size()));
            int c = rnd.nextInt(4);
            if (c == 1) w = w.toUpperCase(Locale.ROOT);
            else if (c == 2) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            sb.append(w).append(rnd.nextInt(glueOdds) == 0 ? "" : " ");
        }
        return sb.toString();
    }
}
