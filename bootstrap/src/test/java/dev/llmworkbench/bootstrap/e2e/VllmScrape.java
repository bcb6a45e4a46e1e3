package dev.llmworkbench.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of {@code /vllm/metrics} parsed by the rules of Prometheus' text format 0.0.4: comment
 * lines {@code # HELP} and {@code # TYPE}, then samples {@code name{label="value",...} value}, label
 * values escaped with backslashes. Every line must parse, and every sample must belong to a family
 * whose TYPE came before it.
 */
final class VllmScrape {
    private static final Pattern TYPE = Pattern.compile("# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<type>counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*");
    private static final Pattern SAMPLE = Pattern.compile("(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?<labels>.*)})? (?<value>[-+]?(\\d+(\\.\\d*)?([eE][-+]?\\d+)?|Inf|NaN))");
    // The value's loop repeats per escape, not per character: a model name thousands of characters long (the fuzz
    // test's) would otherwise overflow the regex engine's stack.
    private static final Pattern LABEL = Pattern.compile("(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\",?");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    final Map<String, String> types = new LinkedHashMap<>();
    final List<Sample> samples = new ArrayList<>();
    final String contentType;

    private VllmScrape(HttpResponse<String> response) {
        contentType = response.headers().firstValue("Content-Type").orElse("");
        for (String line : response.body().lines().toList()) {
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                types.put(type.group("name"), type.group("type"));
                continue;
            }
            if (HELP.matcher(line).matches() || line.isEmpty()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertTrue(sample.matches(), "not a Prometheus sample line: " + line);
            String name = sample.group("name");
            assertTrue(family(name) != null, "sample before its family's TYPE: " + line);
            samples.add(new Sample(name, labels(sample.group("labels"), line), Double.parseDouble(sample.group("value"))));
        }
    }

    static VllmScrape scrape() throws Exception {
        HttpResponse<String> response = Server.get("/vllm/metrics");
        assertTrue(response.statusCode() == 200, response.body());
        return new VllmScrape(response);
    }

    private static Map<String, String> labels(String text, String line) {
        Map<String, String> labels = new HashMap<>();
        if (text == null) {
            return labels;
        }
        Matcher label = LABEL.matcher(text);
        int end = 0;
        while (label.find() && label.start() == end) {
            labels.put(label.group("key"), label.group("value").replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
            end = label.end();
        }
        assertTrue(end == text.length(), "malformed labels: " + line);
        return labels;
    }

    /** The declared family a sample name belongs to: itself, or a counter's {@code _total}, a histogram's {@code _bucket}/{@code _count}/{@code _sum}. */
    String family(String sample) {
        if (types.containsKey(sample)) {
            return sample;
        }
        for (String suffix : List.of("_total", "_bucket", "_count", "_sum")) {
            if (sample.endsWith(suffix) && types.containsKey(sample.substring(0, sample.length() - suffix.length()))) {
                return sample.substring(0, sample.length() - suffix.length());
            }
        }
        return null;
    }

    /** The value of the sample of this name whose labels include {@code labels}, or 0 when there is none yet. */
    double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).findFirst().orElse(0);
    }

    double value(String name, String model) {
        return value(name, Map.of("model_name", model));
    }

    /** The {@code le} bounds of a histogram's buckets for one model, in order. */
    List<String> bucketBounds(String histogram, String model) {
        return samples.stream().filter(s -> s.name().equals(histogram + "_bucket") && model.equals(s.labels().get("model_name")))
                .map(s -> s.labels().get("le")).toList();
    }
}
