package org.warta.pipeline;

import org.warta.model.Doc;

/**
 * One step of analysis: reads the annotations earlier stages added to a {@link Doc} and adds its own.
 * Implementations hold only immutable shared data (language pack, knowledge base) so one instance serves
 * many threads.
 */
public interface Stage {
    void process(Doc doc);

    /** A short name for logs and benchmarks. */
    default String name() {
        return getClass().getSimpleName();
    }
}
