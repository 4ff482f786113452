package org.warta.event;

import org.warta.model.Doc;
import org.warta.pipeline.Stage;

/** PLACEHOLDER: being written. */
public final class EventCoder implements Stage {
    public EventCoder(org.warta.lang.Languages langs, org.warta.kb.KnowledgeBase kb) {}

    @Override
    public void process(Doc doc) {}
}
