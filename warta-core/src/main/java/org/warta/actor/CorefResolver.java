package org.warta.actor;

import org.warta.model.Doc;
import org.warta.pipeline.Stage;

/** PLACEHOLDER: being written. */
public final class CorefResolver implements Stage {
    public CorefResolver(org.warta.lang.Languages langs, org.warta.kb.KnowledgeBase kb) {}

    @Override
    public void process(Doc doc) {}
}
