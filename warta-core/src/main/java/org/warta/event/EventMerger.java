package org.warta.event;

import org.warta.model.Doc;
import org.warta.pipeline.Stage;

/** PLACEHOLDER: being written. */
public final class EventMerger implements Stage {
    public EventMerger(org.warta.kb.KnowledgeBase kb) {}

    @Override
    public void process(Doc doc) {}
}
