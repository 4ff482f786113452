package org.warta.store;

import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link Store} that passes every call to another one: extend it and override what you watch or change
 * (a benchmark clocking the writes, a test announcing each batch).
 */
public abstract class ForwardingStore implements Store {
    protected final Store store;

    protected ForwardingStore(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override public StoreConfig config() { return store.config(); }
    @Override public Dialect dialect() { return store.dialect(); }
    @Override public int schemaVersion() { return store.schemaVersion(); }
    @Override public long generation() { return store.generation(); }
    @Override public Known known(String articleId, String contentHash) { return store.known(articleId, contentHash); }
    @Override public BatchResult write(List<Coded> batch, StoryAssigner assigner) { return store.write(batch, assigner); }
    @Override public void forEachPage(Consumer<StoredPage> action) { store.forEachPage(action); }
    @Override public FeedState feed(String url) { return store.feed(url); }
    @Override public void saveFeed(String url, String etag, String lastModified, String status) { store.saveFeed(url, etag, lastModified, status); }
    @Override public boolean hasUrl(String url) { return store.hasUrl(url); }
    @Override public Connection read() { return store.read(); }
    @Override public ArticleIndex index() { return store.index(); }
    @Override public void close() { store.close(); }
}
