package org.warta.model;

/**
 * Reported speech: the content span (what was said, with or without quotation marks), the speaker and
 * the cue ("kata", "mengatakan", "menurut", "said") that frames it.
 *
 * @param speakerMention index into {@link Doc#entities()} of the speaker, or -1
 * @param modality what the cue itself implies for reported acts: null (plain saying), "hypothetical"
 *     (menduga, khawatir, suspects), …
 */
public record Quote(int start, int end, int cueStart, int cueEnd, String cue, Actor speaker,
                    int speakerStart, int speakerEnd, int speakerMention, boolean direct, String modality)
        implements Span {}
