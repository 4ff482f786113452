package org.warta.store;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.warta.model.Article;
import org.warta.model.Event;
import org.warta.model.Page;

/**
 * Warta's event database: articles, events, mentions, actors and stories in SQL tables an analyst can
 * query, plus a full-text index of the articles. Two engines behind one interface: an embedded DuckDB
 * file (the default, one owning process at a time) and PostgreSQL (many processes).
 *
 * <pre>{@code
 * try (Store store = Store.open(StoreConfig.embedded(Path.of("warta-data"), "my tool"))) {
 *     Store.BatchResult r = store.write(List.of(new Store.Coded(page, article, events, kbVersion, asOf, false)),
 *             StoryAssigner.perEvent());
 * }
 * }</pre>
 */
public interface Store extends AutoCloseable {

    /** Opens (creating and migrating as needed) the store the config names. */
    static Store open(StoreConfig config) {
        return JdbcStore.open(config);
    }

    StoreConfig config();

    Dialect dialect();

    /** The applied schema version (the highest migration). */
    int schemaVersion();

    /** A counter bumped by every committed write; the full-text index records the one it reflects. */
    long generation();

    /** What the store knows of an article id and content. */
    enum Known { NEW, SAME, CHANGED }

    Known known(String articleId, String contentHash);

    /** An article coded by the pipeline, ready to store. {@code replace} re-stores it even when unchanged (recode). */
    record Coded(Page page, Article article, List<Event> events, String kbVersion, LocalDate asOf, boolean replace) {}

    /** What happened to one article of a batch. */
    enum Outcome { NEW, UPDATED, DUPLICATE, NEAR_DUPLICATE, RECODED }

    record Written(String articleId, String input, Outcome outcome, String duplicateOf, double similarity) {}

    record BatchResult(List<Written> written, int events, int stories) {}

    /** Writes a batch in one transaction (with its stories re-formed), then updates the index. */
    BatchResult write(List<Coded> batch, StoryAssigner assigner);

    /** A stored raw page, for re-coding. */
    record StoredPage(String articleId, Page page, LocalDate asOf) {}

    /** Every stored original article's raw page (near-duplicate copies have no events of their own). */
    void forEachPage(Consumer<StoredPage> action);

    /** Conditional-GET validators kept for a polled feed. */
    record FeedState(String url, String etag, String lastModified) {}

    /** The validators of a feed's last successful poll (nulls when never polled). */
    FeedState feed(String url);

    /** Records a poll of a feed: its validators and a status line. */
    void saveFeed(String url, String etag, String lastModified, String status);

    /** Whether an article with this URL (canonical or as given) is stored. */
    boolean hasUrl(String url);

    /** A fresh connection for reading (queries, exports); the caller closes it. */
    Connection read();

    /** The full-text index of the articles. */
    ArticleIndex index();

    @Override
    void close();
}
