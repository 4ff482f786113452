package org.warta.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.warta.io.CsvWriter;
import org.warta.io.Json;
import org.warta.io.TableWriter;

/** Writes records in one of the output formats: JSON lines, one JSON array, CSV or an aligned table. */
abstract class Output {
    enum Format { jsonl, json, csv, table }

    abstract void record(JsonNode json, List<String> row);

    abstract void finish();

    static Output of(Format f, PrintStream out, List<String> header, List<String> tableColumns) {
        return switch (f) {
            case jsonl -> new Output() {
                void record(JsonNode json, List<String> row) {
                    out.print(Json.line(json));
                    out.print('\n');
                }

                void finish() { out.flush(); }
            };
            case json -> new Output() {
                int n;

                void record(JsonNode json, List<String> row) {
                    out.print(n++ == 0 ? "[\n" : ",\n");
                    out.print(Json.pretty(json));
                }

                void finish() {
                    out.print(n == 0 ? "[]\n" : "\n]\n");
                    out.flush();
                }
            };
            case csv -> new Output() {
                final CsvWriter w = new CsvWriter(out, header);

                void record(JsonNode json, List<String> row) { w.row(row); }

                void finish() { w.finish(); }
            };
            case table -> new Output() {
                final int[] idx = tableColumns.stream().mapToInt(header::indexOf).toArray();
                final TableWriter w = new TableWriter(tableColumns, 48);

                void record(JsonNode json, List<String> row) {
                    List<String> r = new ArrayList<>(idx.length);
                    for (int i : idx) r.add(row.get(i));
                    w.row(r);
                }

                void finish() { w.print(out); }
            };
        };
    }
}
