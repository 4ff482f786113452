package org.warta.text;

import org.warta.model.Doc;
import org.warta.pipeline.Stage;

/** PLACEHOLDER: being written. */
public final class LanguageIdentifier implements Stage {
    public LanguageIdentifier(org.warta.lang.Languages langs) {}

    @Override
    public void process(Doc doc) {}
}
