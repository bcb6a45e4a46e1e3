package dev.llmworkbench.rest.loadtest;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A result as CSV (RFC 4180, CRLF line ends): one row per step with every figure, then the whole run's row
 * ({@code step} "overall"), a blank line, and the per-second series under its own header. Nested figures become
 * columns joined by underscores ({@code ttft_ms_p50}, {@code failures_http_500}, {@code sweep_results_0_requests});
 * a figure a row lacks is empty.
 */
final class RunCsv {
    private static final String CRLF = "\r\n";

    private RunCsv() {
    }

    static String of(JsonObject result) {
        List<Map<String, String>> figures = new ArrayList<>();
        JsonArray steps = array(result, "steps");
        for (int i = 0; i < steps.size(); i++) {
            figures.add(row(String.valueOf(i), steps.get(i)));
        }
        if (result.get("overall") != null) {
            figures.add(row("overall", result.get("overall")));
        }
        List<Map<String, String>> series = new ArrayList<>();
        for (JsonValue point : array(result, "series")) {
            series.add(flatten(point));
        }
        StringBuilder csv = new StringBuilder(4096);
        table(csv, figures);
        csv.append(CRLF);
        table(csv, series);
        return csv.toString();
    }

    /** A snapshot taken before the first step ended may lack a section: it reads as empty. */
    private static JsonArray array(JsonObject result, String name) {
        return result.get(name) instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static Map<String, String> row(String step, JsonValue figures) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("step", step);
        row.putAll(flatten(figures));
        return row;
    }

    private static Map<String, String> flatten(JsonValue object) {
        Map<String, String> cells = new LinkedHashMap<>();
        flatten("", object, cells);
        return cells;
    }

    private static void flatten(String prefix, JsonValue value, Map<String, String> cells) {
        switch (value) {
            case JsonObject object -> object.forEach((name, nested) -> flatten(join(prefix, name), nested, cells));
            case JsonArray array -> {
                for (int i = 0; i < array.size(); i++) {
                    flatten(join(prefix, String.valueOf(i)), array.get(i), cells);
                }
            }
            case JsonString text -> cells.put(prefix, text.getString());
            default -> cells.put(prefix, value == JsonValue.NULL ? "" : value.toString());
        }
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "_" + name;
    }

    private static void table(StringBuilder csv, List<Map<String, String>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        line(csv, new ArrayList<>(columns));
        for (Map<String, String> row : rows) {
            line(csv, columns.stream().map(column -> row.getOrDefault(column, "")).toList());
        }
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append(CRLF);
    }

    private static String cell(String value) {
        boolean quoted = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quoted ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
