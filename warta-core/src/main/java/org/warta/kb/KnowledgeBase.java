package org.warta.kb;

import java.nio.file.Path;
import java.util.List;

/** PLACEHOLDER: being written. */
public final class KnowledgeBase {
    public static KnowledgeBase load(List<Path> userDirs) { return new KnowledgeBase(); }
}
