package org.warta.event;

import java.util.List;
import java.util.Locale;
import org.warta.lang.TsvTable;
import org.warta.model.Actor;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Modality;

/**
 * An event's {@code confidence}: the estimated probability that the event is right (its type and its actor
 * as a gold coder would give them), from a logistic model over a few features of the event. The weights
 * are in {@code warta/plover/confidence.tsv}, fitted on the development data by
 * {@code ./warta eval fit-confidence} (see that file's header). The features:
 * <ul>
 *   <li>{@code bias}: always 1;</li>
 *   <li>{@code actor_code}, {@code recipient_code}: an actor (recipient) with a country or body code;</li>
 *   <li>{@code no_participant}: neither actor nor recipient was found;</li>
 *   <li>{@code multiword}: the trigger is a phrase of several words (a more specific pattern);</li>
 *   <li>{@code asserted}, {@code attributed}: the modality is asserted; the event has a cited source;</li>
 *   <li>{@code rank}: how many other events have a trigger earlier in the same sentence (capped at 3): the
 *       main predicate tends to come first, what it governs after it;</li>
 *   <li>{@code mentions}: log(number of mentions): more reports of the act;</li>
 *   <li>{@code verbal}: the PLOVER quad is verbal (1 or 3) rather than material.</li>
 * </ul>
 */
public final class Confidence {
    public static final List<String> FEATURES = List.of("bias", "actor_code", "recipient_code", "no_participant",
            "multiword", "asserted", "attributed", "rank", "mentions", "verbal");

    private final double[] weights;

    private static final Confidence INSTANCE = new Confidence(TsvTable.resource("warta/plover/confidence.tsv"));

    public static Confidence get() { return INSTANCE; }

    Confidence(TsvTable t) {
        t.require("feature", "weight");
        weights = new double[FEATURES.size()];
        boolean[] seen = new boolean[FEATURES.size()];
        for (TsvTable.Row r : t.rows()) {
            int i = FEATURES.indexOf(r.required("feature"));
            if (i < 0) throw r.error("unknown feature '" + r.get("feature") + "' (known: " + FEATURES + ")");
            try {
                weights[i] = Double.parseDouble(r.required("weight"));
            } catch (NumberFormatException e) {
                throw r.error("weight must be a number");
            }
            seen[i] = true;
        }
        for (int i = 0; i < seen.length; i++)
            if (!seen[i]) throw new IllegalStateException(t.name() + ": no weight for feature " + FEATURES.get(i));
    }

    /** The feature vector of an event among all events of its article (in {@link #FEATURES} order). */
    public static double[] features(Event e, List<Event> all) {
        double[] x = new double[FEATURES.size()];
        boolean actor = hasCode(e.actor()), recipient = hasCode(e.recipient());
        EventMention first = e.mentions().get(0);
        int rank = 0;
        for (Event o : all) {
            if (o == e) continue;
            for (EventMention m : o.mentions())
                if (m.sentence() == first.sentence() && m.triggerStart() < first.triggerStart()) {
                    rank++;
                    break;
                }
        }
        x[0] = 1;
        x[1] = actor ? 1 : 0;
        x[2] = recipient ? 1 : 0;
        x[3] = e.actor().isEmpty() && e.recipient().isEmpty() ? 1 : 0;
        x[4] = first.trigger() != null && first.trigger().strip().contains(" ") ? 1 : 0;
        x[5] = e.modality() == Modality.ASSERTED ? 1 : 0;
        x[6] = e.attribution().isEmpty() ? 0 : 1;
        x[7] = Math.min(rank, 3);
        x[8] = Math.log(e.mentions().size());
        x[9] = e.ploverQuad() == 1 || e.ploverQuad() == 3 ? 1 : 0;
        return x;
    }

    /** The probability for a feature vector. */
    public double probability(double[] x) {
        double z = 0;
        for (int i = 0; i < x.length; i++) z += weights[i] * x[i];
        return 1 / (1 + Math.exp(-z));
    }

    /** The confidence of an event among all events of its article, rounded to two decimals. */
    public double of(Event e, List<Event> all) {
        return Math.round(probability(features(e, all)) * 100) / 100.0;
    }

    private static boolean hasCode(List<Actor> as) {
        for (Actor a : as) if (a.code() != null) return true;
        return false;
    }

    /** The weights as a TSV table with the given header comment (what {@code fit-confidence} writes). */
    public static String table(double[] w, String comment) {
        StringBuilder sb = new StringBuilder();
        for (String line : comment.split("\n")) sb.append("# ").append(line).append('\n');
        sb.append("feature\tweight\n");
        for (int i = 0; i < FEATURES.size(); i++) sb.append(FEATURES.get(i)).append('\t').append(String.format(Locale.ROOT, "%.4f", w[i])).append('\n');
        return sb.toString();
    }

    /**
     * Fits logistic weights to labelled feature vectors by gradient descent on the log-loss with a small L2
     * penalty (not on the bias); deterministic.
     */
    public static double[] fit(List<double[]> xs, List<Boolean> ys, double l2, int iterations) {
        int d = FEATURES.size();
        double[] w = new double[d];
        double rate = 0.5;
        int n = xs.size();
        for (int it = 0; it < iterations; it++) {
            double[] g = new double[d];
            for (int k = 0; k < n; k++) {
                double[] x = xs.get(k);
                double z = 0;
                for (int i = 0; i < d; i++) z += w[i] * x[i];
                double err = 1 / (1 + Math.exp(-z)) - (ys.get(k) ? 1 : 0);
                for (int i = 0; i < d; i++) g[i] += err * x[i];
            }
            for (int i = 0; i < d; i++) w[i] -= rate * (g[i] / n + (i == 0 ? 0 : l2 * w[i] / n));
        }
        return w;
    }
}
