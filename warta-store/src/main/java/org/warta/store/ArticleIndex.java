package org.warta.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Full-text index of the stored articles (Lucene 9), derived from the database and kept under the data
 * directory. Each article's title and text are analysed by its language: Indonesian or English (stemming,
 * stop words), anything else by the standard analyser. Every commit records the store generation it
 * reflects; on open, an index whose generation or document count differs from the database (a crash
 * between the database commit and the index commit, a deleted folder, another process's writes) is
 * rebuilt from the database.
 */
public final class ArticleIndex {
    static final String GENERATION = "warta.generation";
    private static final List<String> LANGS = List.of("id", "en", "xx");

    private final Path dir;
    private final Analyzer analyzer;
    /** The searcher kept open between searches (null until the index exists), refreshed when a commit lands. */
    private SearcherManager searcher;
    private Directory searchDir;

    /** An article as the index sees it. */
    public record Doc(String id, String language, String title, String text) {}

    /** A search hit: the article id and its score. */
    public record Hit(String articleId, float score) {}

    ArticleIndex(Path dir) {
        this.dir = dir;
        Analyzer id = new IndonesianAnalyzer();
        Analyzer en = new EnglishAnalyzer();
        Analyzer xx = new StandardAnalyzer();
        this.analyzer = new PerFieldAnalyzerWrapper(xx, Map.of("text_id", id, "text_en", en, "text_xx", xx));
    }

    private static String field(String language) {
        return "id".equals(language) || "en".equals(language) ? "text_" + language : "text_xx";
    }

    /** Rebuilds the index when it does not match the database. */
    void verify(JdbcStore store) {
        long generation = store.generation();
        long count = store.articleCount();
        try {
            if (matches(generation, count)) return;
        } catch (IOException e) {
            // unreadable: rebuild
        }
        rebuild(store, generation);
    }

    private boolean matches(long generation, long count) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Directory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return false;
            SegmentInfos infos = SegmentInfos.readLatestCommit(d);
            String g = infos.getUserData().get(GENERATION);
            if (g == null || Long.parseLong(g) != generation) return false;
            try (DirectoryReader r = DirectoryReader.open(d)) {
                return r.numDocs() == count;
            }
        }
    }

    /** Re-indexes every article from the database. */
    void rebuild(JdbcStore store, long generation) {
        withWriter(w -> {
            w.deleteAll();
            store.forEachIndexDoc(doc -> add(w, doc));
            commit(w, generation);
        });
    }

    /** Adds or replaces the batch's articles and commits with the generation the database reached. */
    void update(List<Doc> docs, long generation, JdbcStore store) {
        withWriter(w -> {
            String g = w.getLiveCommitData() == null ? null : liveGeneration(w);
            if (g != null && Long.parseLong(g) != generation - 1) {
                // another process wrote to the database and the index in between, or the index lags: rebuild
                w.deleteAll();
                store.forEachIndexDoc(doc -> add(w, doc));
            } else {
                for (Doc d : docs) add(w, d);
            }
            commit(w, generation);
        });
    }

    private static String liveGeneration(IndexWriter w) {
        for (Map.Entry<String, String> e : w.getLiveCommitData()) if (e.getKey().equals(GENERATION)) return e.getValue();
        return null;
    }

    private void add(IndexWriter w, Doc d) {
        Document doc = new Document();
        doc.add(new StringField("id", d.id(), Field.Store.YES));
        String body = (d.title() == null ? "" : d.title() + "\n\n") + d.text();
        doc.add(new TextField(field(d.language()), body, Field.Store.NO));
        try {
            w.updateDocument(new Term("id", d.id()), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void commit(IndexWriter w, long generation) {
        w.setLiveCommitData(Map.of(GENERATION, Long.toString(generation)).entrySet());
        try {
            w.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface WriterWork {
        void run(IndexWriter w) throws IOException;
    }

    /** Runs work with the index writer, waiting up to a minute for another process's writer to finish. */
    private void withWriter(WriterWork work) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Directory d = FSDirectory.open(Files.createDirectories(dir));
                 IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND))) {
                work.run(w);
                return;
            } catch (LockObtainFailedException e) {
                if (System.nanoTime() > deadline) throw new StoreException("the full-text index " + dir + " stays locked by another process", e);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while waiting for the index " + dir, ie);
                }
            } catch (IOException e) {
                throw new StoreException("cannot write the full-text index " + dir + ": " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new StoreException("cannot write the full-text index " + dir + ": " + e.getCause().getMessage(), e);
            }
        }
    }

    /** Articles matching a query (Lucene query syntax; words are analysed in each language), best first. */
    public List<Hit> search(String query, int limit) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        try {
            for (String lang : LANGS) {
                QueryParser qp = new QueryParser("text_" + lang, analyzer);
                qp.setDefaultOperator(QueryParser.Operator.AND);
                b.add(qp.parse(query), BooleanClause.Occur.SHOULD);
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot parse the query \"" + query + "\": " + e.getMessage(), e);
        }
        Query q = b.build();
        try {
            return searchWith(q, limit);
        } catch (IOException | org.apache.lucene.store.AlreadyClosedException first) {
            // the folder was replaced or removed under the open searcher (a rebuild, a user), or another thread
            // closed it: open it afresh once
            closeSearcher();
            try {
                return searchWith(q, limit);
            } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
                throw new StoreException("cannot read the full-text index " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private List<Hit> searchWith(Query q, int limit) throws IOException {
        List<Hit> hits = new ArrayList<>();
        SearcherManager m = searcher();
        if (m == null) return hits;
        m.maybeRefresh(); // cheap when nothing was committed since; picks up this and other processes' commits
        IndexSearcher s = m.acquire();
        try {
            for (ScoreDoc sd : s.search(q, Math.max(1, limit)).scoreDocs) {
                hits.add(new Hit(s.storedFields().document(sd.doc).get("id"), sd.score));
            }
        } finally {
            m.release(s);
        }
        return hits;
    }

    private synchronized SearcherManager searcher() throws IOException {
        if (searcher == null) {
            if (!Files.isDirectory(dir)) return null;
            Directory d = FSDirectory.open(dir);
            try {
                if (!DirectoryReader.indexExists(d)) {
                    d.close();
                    return null;
                }
                searcher = new SearcherManager(d, null);
                searchDir = d;
            } catch (IOException | RuntimeException e) {
                d.close();
                throw e;
            }
        }
        return searcher;
    }

    /** Closes the searcher kept between searches (a later search opens it again). */
    synchronized void closeSearcher() {
        try {
            if (searcher != null) searcher.close();
            if (searchDir != null) searchDir.close();
        } catch (IOException ignored) {
            // closing anyway
        } finally {
            searcher = null;
            searchDir = null;
        }
    }

    /** The number of indexed articles. */
    public int size() {
        try (Directory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return 0;
            try (DirectoryReader r = DirectoryReader.open(d)) {
                return r.numDocs();
            }
        } catch (IOException e) {
            throw new StoreException("cannot read the full-text index " + dir + ": " + e.getMessage(), e);
        }
    }
}
