package org.warta.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.warta.Warta;
import org.warta.kb.KbVersion;

/**
 * The Spark job: codes WARC / WARC.gz files with the same pipeline as {@code warta code} and writes Parquet.
 *
 * <pre>
 * spark-submit --class org.warta.spark.WartaSparkJob warta-spark/target/warta-spark-job.jar \
 *     --input 's3a://commoncrawl/crawl-data/CC-NEWS/2024/10/*.warc.gz' --output s3a://my-bucket/warta/
 * </pre>
 *
 * <p>Options: {@code --input PATH} (repeatable; a file, a directory of {@code *.warc[.gz]} files, or a glob,
 * on any file system Hadoop reaches), {@code --output DIR} (required), {@code --as-of YYYY-MM-DD}
 * (processing date; default: each record's WARC-Date), {@code --kb DIR} (repeatable; must exist on every
 * executor), {@code --mode overwrite|append|error} (default {@code error}: an existing output is not
 * replaced). Each input file is one task (gzip does not split). The output has three tables:
 * {@code DIR/articles} and {@code DIR/events} (Parquet, partitioned by {@code date}) and {@code DIR/report}
 * (one row per file: pages, articles, events, failed, the first errors). Bad records and broken files are
 * counted there; they never fail the job.
 */
public final class WartaSparkJob {
    private WartaSparkJob() {}

    /** The parsed command line. */
    public record Options(List<String> inputs, String output, String asOf, List<String> kbDirs, SaveMode mode) {
        public static Options parse(String[] args) {
            List<String> inputs = new ArrayList<>(), kb = new ArrayList<>();
            String output = null, asOf = null;
            SaveMode mode = SaveMode.ErrorIfExists;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) throw new IllegalArgumentException(USAGE);
                if (i + 1 >= args.length) throw new IllegalArgumentException(a + ": a value is missing\n" + USAGE);
                String v = args[++i];
                switch (a) {
                    case "--input" -> inputs.add(v);
                    case "--output" -> output = v;
                    case "--as-of" -> {
                        try {
                            asOf = LocalDate.parse(v).toString();
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException("--as-of " + v + ": expected a date YYYY-MM-DD");
                        }
                    }
                    case "--kb" -> kb.add(v);
                    case "--mode" -> mode = switch (v) {
                        case "overwrite" -> SaveMode.Overwrite;
                        case "append" -> SaveMode.Append;
                        case "error" -> SaveMode.ErrorIfExists;
                        default -> throw new IllegalArgumentException("--mode " + v + ": expected overwrite, append or error");
                    };
                    default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                }
            }
            if (inputs.isEmpty() || output == null) throw new IllegalArgumentException("--input and --output are required\n" + USAGE);
            return new Options(inputs, output, asOf, kb, mode);
        }
    }

    static final String USAGE = "usage: spark-submit --class org.warta.spark.WartaSparkJob warta-spark-job.jar"
            + " --input PATH [--input PATH ...] --output DIR [--as-of YYYY-MM-DD] [--kb DIR ...] [--mode overwrite|append|error]";

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("warta-spark: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (SparkSession spark = SparkSession.builder().appName("warta " + Warta.VERSION).getOrCreate()) {
            Summary s = run(spark, options);
            System.err.printf("warta-spark: %d files, %d pages, %d articles, %d events, %d failures in %d files (see the report table)%n",
                    s.files(), s.pages(), s.articles(), s.events(), s.failed(), s.filesWithErrors());
        }
    }

    /** Totals of a run, from the report table. */
    public record Summary(long files, long pages, long articles, long events, long failed, long filesWithErrors) {}

    /** Runs the job in the given session and returns the totals. */
    public static Summary run(SparkSession spark, Options options) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String> files = expand(conf, options.inputs());
        if (files.isEmpty()) throw new IOException("no WARC files found in " + options.inputs());
        // Fail fast on the driver for a bad --kb, before any task starts.
        PipelineHolder.get(options.kbDirs());
        Map<String, String> confMap = new HashMap<>();
        for (Map.Entry<String, String> e : conf) confMap.put(e.getKey(), e.getValue());
        List<Path> kbPaths = new ArrayList<>();
        for (String d : options.kbDirs()) kbPaths.add(Path.of(d));
        FileCoder coder = new FileCoder(confMap, options.kbDirs(), KbVersion.of(kbPaths), options.asOf());

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<SparkRecords.Out> out = jsc.parallelize(files, files.size()).flatMap(coder::code);
        out.persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            write(spark, out, SparkRecords.ARTICLE, SparkRecords.ARTICLE_SCHEMA, options, "articles", true);
            write(spark, out, SparkRecords.EVENT, SparkRecords.EVENT_SCHEMA, options, "events", true);
            write(spark, out, SparkRecords.REPORT, SparkRecords.REPORT_SCHEMA, options, "report", false);
            Row t = spark.read().parquet(child(options.output(), "report"))
                    .selectExpr("count(*)", "sum(pages)", "sum(articles)", "sum(events)", "sum(failed)",
                            "count_if(failed > 0)").first();
            return new Summary(t.getLong(0), t.isNullAt(1) ? 0 : t.getLong(1), t.isNullAt(2) ? 0 : t.getLong(2),
                    t.isNullAt(3) ? 0 : t.getLong(3), t.isNullAt(4) ? 0 : t.getLong(4), t.getLong(5));
        } finally {
            out.unpersist(false);
        }
    }

    private static void write(SparkSession spark, JavaRDD<SparkRecords.Out> out, String table, StructType schema,
                              Options options, String name, boolean byDate) {
        JavaRDD<Row> rows = out.filter(o -> o.table().equals(table)).map(SparkRecords.Out::row);
        var writer = spark.createDataFrame(rows, schema).write().mode(options.mode());
        if (byDate) writer = writer.partitionBy("date");
        writer.parquet(child(options.output(), name));
    }

    private static String child(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** Input files, sorted: each argument is a file, a directory (its *.warc and *.warc.gz files) or a glob. */
    static List<String> expand(Configuration conf, List<String> inputs) throws IOException {
        List<String> files = new ArrayList<>();
        for (String input : inputs) {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(p);
            if (matches == null || matches.length == 0) throw new IOException(input + ": no such file, directory or matching file");
            for (FileStatus m : matches) {
                if (m.isDirectory()) {
                    for (FileStatus f : fs.listStatus(m.getPath()))
                        if (f.isFile() && isWarc(f.getPath().getName())) files.add(f.getPath().toString());
                } else {
                    files.add(m.getPath().toString());
                }
            }
        }
        files.sort(null);
        return files;
    }

    private static boolean isWarc(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".warc") || n.endsWith(".warc.gz");
    }
}
