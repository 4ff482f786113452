package org.warta.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.warta.model.Event;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.read.InputException;

/**
 * Codes one WARC file on an executor, lazily: records are read one at a time and their rows handed on, so
 * a file of any size needs the memory of one record. The file is opened with Hadoop's {@link FileSystem}
 * (local, HDFS, S3 … whatever the configuration reaches) and read by the core's WARC reader. A record that
 * cannot be read or coded, or a file that breaks off (the pages before the break are kept), is counted in
 * the file's report row, the last row of the file; the task never fails for bad input.
 */
final class FileCoder implements Serializable {
    private final Map<String, String> hadoopConf;
    private final List<String> kbDirs;
    private final String kbVersion;
    private final String asOf;

    /**
     * @param hadoopConf the driver's Hadoop settings (credentials for S3 and the like), copied to executors
     * @param asOf processing date for every page (ISO), or null for each record's WARC-Date
     */
    FileCoder(Map<String, String> hadoopConf, List<String> kbDirs, String kbVersion, String asOf) {
        this.hadoopConf = Map.copyOf(hadoopConf);
        this.kbDirs = List.copyOf(kbDirs);
        this.kbVersion = kbVersion;
        this.asOf = asOf;
    }

    /** Rows of one file: articles and events as they come, then the file's report. */
    Iterator<SparkRecords.Out> code(String file) {
        return new Rows(file);
    }

    private Configuration configuration() {
        Configuration conf = new Configuration();
        hadoopConf.forEach(conf::set);
        return conf;
    }

    /** The page's WARC-Date, or null. */
    static Instant fetched(Page page) {
        String v = page.meta(org.warta.read.WarcPages.FETCHED);
        if (v == null || v.isBlank()) return null;
        try {
            return java.time.OffsetDateTime.parse(v.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return LocalDate.parse(v.strip().substring(0, Math.min(10, v.strip().length()))).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (java.time.format.DateTimeParseException | StringIndexOutOfBoundsException e2) {
                return null;
            }
        }
    }

    private final class Rows implements Iterator<SparkRecords.Out> {
        private final String file;
        private final long start = System.nanoTime();
        private final SparkRecords.FileCounts counts = new SparkRecords.FileCounts();
        private final Deque<SparkRecords.Out> ready = new ArrayDeque<>();
        private Pipeline pipeline;
        private WarcPages pages;
        private boolean done;

        Rows(String file) {
            this.file = file;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && !done) step();
            return !ready.isEmpty();
        }

        @Override
        public SparkRecords.Out next() {
            if (!hasNext()) throw new NoSuchElementException();
            return ready.poll();
        }

        /** Codes one page (opening the file first), or ends the file with its report. */
        private void step() {
            try {
                if (pages == null) open();
                if (pages.hasNext()) {
                    code(pages.next());
                    return;
                }
            } catch (IOException | UncheckedIOException e) {
                counts.error(file + ": cannot open the file (" + e + ")");
            }
            finish();
        }

        private void open() throws IOException {
            pipeline = PipelineHolder.get(kbDirs);
            Path path = new Path(file);
            FileSystem fs = path.getFileSystem(configuration());
            pages = new WarcPages(file, fs.open(path));
        }

        private void code(WarcPages.Item item) {
            if (item.error() != null) {
                counts.error(item.error().getMessage());
                return;
            }
            counts.pages++;
            Page page = item.page();
            Instant fetched = fetched(page);
            LocalDate fetchedDay = fetched == null ? null : fetched.atZone(ZoneOffset.UTC).toLocalDate();
            LocalDate anchor = asOf != null ? LocalDate.parse(asOf) : fetchedDay != null ? fetchedDay : LocalDate.now(ZoneOffset.UTC);
            Pipeline.Result r;
            try {
                r = pipeline.code(page, anchor);
            } catch (InputException e) {
                counts.error(e.getMessage());
                return;
            } catch (RuntimeException e) {
                counts.error(page.name() + ": internal error: " + e);
                return;
            }
            String date = r.article().publishedDay().map(LocalDate::toString)
                    .orElse(fetchedDay == null ? null : fetchedDay.toString());
            counts.articles++;
            ready.add(SparkRecords.article(r.article(), file, fetched, date));
            for (Event e : r.events()) ready.add(SparkRecords.event(e, r.article(), kbVersion, date));
            counts.events += r.events().size();
        }

        private void finish() {
            done = true;
            if (pages != null) {
                try {
                    pages.close();
                } catch (IOException e) {
                    // the counts are complete; a failed close loses nothing
                }
            }
            ready.add(counts.row(file, (System.nanoTime() - start) / 1e9));
        }
    }
}
