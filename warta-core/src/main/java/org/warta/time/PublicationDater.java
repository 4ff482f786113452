package org.warta.time;

import org.warta.model.Doc;
import org.warta.pipeline.Stage;

/** PLACEHOLDER: being written. */
public final class PublicationDater implements Stage {
    public PublicationDater(org.warta.lang.Languages langs) {}

    @Override
    public void process(Doc doc) {}
}
