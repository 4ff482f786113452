package org.warta.spark;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.warta.io.EventJson;
import org.warta.model.Actor;
import org.warta.model.Article;
import org.warta.model.Event;

/**
 * The three tables the job writes, as Spark rows: {@code articles} and {@code events} (partitioned by
 * {@code date}: the article's publication day, else the day the crawler fetched the page) and
 * {@code report} (one row per input file: pages, articles, events, failures and the first errors). An event row carries the
 * event record exactly as {@code warta code} prints it, in {@code json}, beside flat columns for queries.
 */
final class SparkRecords {
    static final String ARTICLE = "article", EVENT = "event", REPORT = "report";
    /** At most this many error messages per file are kept in the report (all are counted). */
    static final int MAX_ERRORS = 20;

    private SparkRecords() {}

    /** A row of one of the three tables, tagged with its table. */
    record Out(String table, Row row) implements Serializable {}

    private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static final org.apache.spark.sql.types.DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType, true);

    static final StructType ARTICLE_SCHEMA = DataTypes.createStructType(new StructField[] {
        field("id", DataTypes.StringType), field("url", DataTypes.StringType),
        field("canonical_url", DataTypes.StringType), field("outlet", DataTypes.StringType),
        field("title", DataTypes.StringType), field("text", DataTypes.StringType),
        field("language", DataTypes.StringType), field("published", DataTypes.StringType),
        field("published_precision", DataTypes.StringType), field("published_inferred", DataTypes.BooleanType),
        field("dateline", DataTypes.StringType), field("authors", STRINGS), field("editors", STRINGS),
        field("input", DataTypes.StringType), field("fetched", DataTypes.TimestampType),
        field("date", DataTypes.StringType)});

    static final StructType EVENT_SCHEMA = DataTypes.createStructType(new StructField[] {
        field("id", DataTypes.StringType), field("article_id", DataTypes.StringType),
        field("event", DataTypes.StringType), field("mode", DataTypes.StringType), field("context", STRINGS),
        field("cameo", DataTypes.StringType), field("event_date", DataTypes.StringType),
        field("actor_codes", STRINGS), field("recipient_codes", STRINGS),
        field("location_country", DataTypes.StringType), field("modality", DataTypes.StringType),
        field("confidence", DataTypes.DoubleType), field("json", DataTypes.StringType),
        field("date", DataTypes.StringType)});

    static final StructType REPORT_SCHEMA = DataTypes.createStructType(new StructField[] {
        field("input", DataTypes.StringType), field("pages", DataTypes.LongType),
        field("articles", DataTypes.LongType), field("events", DataTypes.LongType),
        field("failed", DataTypes.LongType), field("errors", STRINGS), field("seconds", DataTypes.DoubleType)});

    static Out article(Article a, String input, Instant fetched, String date) {
        return new Out(ARTICLE, RowFactory.create(a.id(), a.url(), a.canonicalUrl(), a.outlet(), a.title(), a.text(),
                a.language(), a.published(), a.publishedPrecision(), a.publishedInferred(), a.dateline(),
                a.authors().toArray(new String[0]), a.editors().toArray(new String[0]), input,
                fetched == null ? null : Timestamp.from(fetched), date));
    }

    static Out event(Event e, Article a, String kbVersion, String date) {
        return new Out(EVENT, RowFactory.create(e.id(), e.articleId(), e.type(), e.mode(),
                e.context() == null ? new String[0] : e.context().toArray(new String[0]), e.cameo(), e.date(),
                codes(e.actor()), codes(e.recipient()), e.location() == null ? null : e.location().country(),
                e.modality() == null ? null : e.modality().label(),
                e.confidence(), EventJson.line(e, a, kbVersion), date));
    }

    private static String[] codes(List<Actor> actors) {
        List<String> out = new ArrayList<>();
        if (actors != null) for (Actor a : actors) if (a.code() != null) out.add(a.code());
        return out.toArray(new String[0]);
    }

    /** Counts of one input file. */
    static final class FileCounts {
        long pages, articles, events, failed;
        final List<String> errors = new ArrayList<>();

        void error(String message) {
            failed++;
            if (errors.size() < MAX_ERRORS) errors.add(message);
        }

        Out row(String input, double seconds) {
            return new Out(REPORT, RowFactory.create(input, pages, articles, events, failed,
                    errors.toArray(new String[0]), seconds));
        }
    }
}
