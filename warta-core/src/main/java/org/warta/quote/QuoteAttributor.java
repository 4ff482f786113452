package org.warta.quote;

import org.warta.model.Doc;
import org.warta.pipeline.Stage;

/** PLACEHOLDER: being written. */
public final class QuoteAttributor implements Stage {
    public QuoteAttributor(org.warta.lang.Languages langs) {}

    @Override
    public void process(Doc doc) {}
}
