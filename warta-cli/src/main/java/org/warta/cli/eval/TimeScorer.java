package org.warta.cli.eval;

import java.util.List;

/**
 * TempEval-3 style scores of time expressions (bench/README.md, indotimex): strict (same extent), relaxed
 * (overlapping extent) and value (overlapping extent and the same value), each with precision over all
 * predicted and recall over all gold expressions. Counts add up over documents with {@link #add}.
 */
final class TimeScorer {
    int predicted, gold;
    int strictP, strictG, relaxedP, relaxedG, valueP, valueG;

    /** Scores one document's predictions against its gold expressions. */
    void add(List<TimeMl.Timex> pred, List<TimeMl.Timex> goldList) {
        predicted += pred.size();
        gold += goldList.size();
        for (TimeMl.Timex p : pred) {
            int[] m = match(p, goldList);
            strictP += m[0];
            relaxedP += m[1];
            valueP += m[2];
        }
        for (TimeMl.Timex g : goldList) {
            int[] m = match(g, pred);
            strictG += m[0];
            relaxedG += m[1];
            valueG += m[2];
        }
    }

    /** {strict, relaxed, value} hits of one expression against the other side's list. */
    private static int[] match(TimeMl.Timex x, List<TimeMl.Timex> others) {
        int strict = 0, relaxed = 0, value = 0;
        for (TimeMl.Timex o : others) {
            if (!(x.start() < o.end() && o.start() < x.end())) continue;
            relaxed = 1;
            if (x.start() == o.start() && x.end() == o.end()) strict = 1;
            if (x.value() != null && x.value().equals(o.value())) value = 1;
        }
        return new int[] {strict, relaxed, value};
    }

    static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double strictPrecision() { return ratio(strictP, predicted); }
    double strictRecall() { return ratio(strictG, gold); }
    double relaxedPrecision() { return ratio(relaxedP, predicted); }
    double relaxedRecall() { return ratio(relaxedG, gold); }
    double valuePrecision() { return ratio(valueP, predicted); }
    double valueRecall() { return ratio(valueG, gold); }
    double strictF1() { return f1(strictPrecision(), strictRecall()); }
    double relaxedF1() { return f1(relaxedPrecision(), relaxedRecall()); }
    double valueF1() { return f1(valuePrecision(), valueRecall()); }
}
