package org.warta.spark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.warta.Warta;
import org.warta.pipeline.Pipeline;

/**
 * One {@link Pipeline} per executor JVM and configuration: building one loads the language packs and the
 * knowledge base, so every task of the JVM shares it (a pipeline is thread-safe).
 */
final class PipelineHolder {
    private static final Map<List<String>, Pipeline> PIPELINES = new ConcurrentHashMap<>();

    private PipelineHolder() {}

    /** The pipeline for these user KB directories, built on first use in this JVM. */
    static Pipeline get(List<String> kbDirs) {
        return PIPELINES.computeIfAbsent(List.copyOf(kbDirs), dirs -> {
            // The processing date is given per page (Pipeline.code(page, asOf)); this default is unused.
            Warta.Builder b = Warta.builder().asOf(LocalDate.now());
            for (String d : dirs) b.kb(Path.of(d));
            return b.build();
        });
    }
}
