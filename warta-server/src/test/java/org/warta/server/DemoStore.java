package org.warta.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.warta.Warta;
import org.warta.pipeline.Pipeline;
import org.warta.read.Inputs;
import org.warta.store.IngestReport;
import org.warta.store.Ingester;
import org.warta.store.Store;
import org.warta.store.StoreConfig;
import org.warta.store.StoryAssigner;

/** A store in a temporary folder holding the repository's examples/ (the seed), as {@code warta serve --demo} builds it. */
final class DemoStore {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    static final String KB = "test";

    private DemoStore() {}

    static Path root() {
        return Path.of(System.getProperty("warta.root", "..")).toAbsolutePath().normalize();
    }

    static Path seed() throws IOException {
        try (var s = Files.list(root().resolve("examples"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
    }

    static Pipeline pipeline() {
        return Warta.builder().asOf(AS_OF).build();
    }

    static Store open(Path dir, Pipeline pipeline) {
        Store store = Store.open(StoreConfig.embedded(dir, "warta-server test"));
        Ingester in = new Ingester(store, pipeline, StoryAssigner.perEvent(), KB, AS_OF, 10, null);
        Inputs.read(List.of(root().resolve("examples").toString()), System.in, in::accept, in::failed);
        IngestReport r = in.finish();
        if (r.added == 0 || r.events == 0) throw new IllegalStateException("the examples gave no events: " + r.summary());
        return store;
    }
}
