package org.warta.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.warta.store.EventFilter;
import picocli.CommandLine.Option;

/** The event filters shared by {@code events}, {@code stories}, {@code search} and {@code export}. */
final class QueryOptions {
    @Option(names = "--actor", paramLabel = "CODE", description = "Events with this actor code (e.g. PRK).")
    String actor;

    @Option(names = "--recipient", paramLabel = "CODE", description = "Events with this recipient code.")
    String recipient;

    @Option(names = "--type", paramLabel = "TYPE", description = "PLOVER event type (e.g. MOBILIZE).")
    String type;

    @Option(names = "--mode", paramLabel = "MODE", description = "PLOVER mode (e.g. troops).")
    String mode;

    @Option(names = "--modality", paramLabel = "M", description = "Modalities to include: asserted (the default), future, hypothetical, "
            + "negated, historical, comma-separated or repeated, or all.")
    List<String> modality = new ArrayList<>();

    @Option(names = "--country", paramLabel = "CODE", description = "Events located in this country.")
    String country;

    @Option(names = "--story", paramLabel = "ID", description = "Events of this story.")
    String story;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (inclusive).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    LocalDate to;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows (default: all; search: 20).")
    int limit;

    EventFilter filter() {
        return new EventFilter(actor, recipient, type, mode, EventFilter.modalities(modality), country, story, from, to, limit);
    }
}
