package dev.llmworkbench.bootstrap.e2e;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Samples of a Prometheus text exposition (/metrics), looked up by metric name and a subset of its labels. */
final class PrometheusText {
    private static final Pattern SAMPLE = Pattern.compile("^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?<labels>[^}]*)})? (?<value>\\S+)");
    private static final Pattern LABEL = Pattern.compile("(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>[^\"]*)\"");

    private final String text;

    private PrometheusText(String text) {
        this.text = text;
    }

    static PrometheusText scrape() throws Exception {
        return new PrometheusText(Server.get("/metrics?scope=application").body());
    }

    /** The sample's value, or 0 when the server has not published it yet (a tagged counter appears on first use). */
    double value(String name, Map<String, String> labels) {
        for (String line : text.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.find() && sample.group("name").equals(name) && hasLabels(sample.group("labels"), labels)) {
                return Double.parseDouble(sample.group("value"));
            }
        }
        return 0;
    }

    double value(String name) {
        return value(name, Map.of());
    }

    private static boolean hasLabels(String labels, Map<String, String> wanted) {
        long found = 0;
        Matcher label = LABEL.matcher(labels == null ? "" : labels);
        while (label.find()) {
            if (label.group("value").equals(wanted.get(label.group("key")))) {
                found++;
            }
        }
        return found == wanted.size();
    }

    @Override
    public String toString() {
        return text;
    }
}
