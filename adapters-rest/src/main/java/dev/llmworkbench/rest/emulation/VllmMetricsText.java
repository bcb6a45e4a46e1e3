package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Histogram;
import dev.llmworkbench.application.emulation.ModelEngine;
import dev.llmworkbench.application.emulation.ModelStats;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The model engines' statistics in Prometheus' text format (0.0.4) under vLLM's names, labels and
 * help texts, as vLLM's prometheus_client renders them: a counter's TYPE line names it without
 * {@code _total}, its sample with; each sample carries {@code model_name} and {@code engine}.
 */
final class VllmMetricsText {
    private final StringBuilder text = new StringBuilder(16_384);
    private final List<ModelEngine> engines;

    private VllmMetricsText(Collection<ModelEngine> engines) {
        this.engines = engines.stream().sorted(Comparator.comparing(ModelEngine::model)).toList();
    }

    static String of(Collection<ModelEngine> engines) {
        VllmMetricsText out = new VllmMetricsText(engines);
        out.gauge("vllm:num_requests_running", "Number of requests in model execution batches.", ModelEngine::running);
        out.gauge("vllm:num_requests_waiting", "Number of requests waiting to be processed.", ModelEngine::waiting);
        out.gauge("vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", ModelEngine::kvCacheUsage);
        out.counter("vllm:prefix_cache_queries", "Prefix cache queries, in terms of number of queried tokens.",
                engine -> engine.stats().prefixCacheQueries());
        out.counter("vllm:prefix_cache_hits", "Prefix cache hits, in terms of number of cached tokens.",
                engine -> engine.stats().prefixCacheHits());
        out.counter("vllm:prompt_tokens", "Number of prefill tokens processed.", engine -> engine.stats().promptTokens());
        out.counter("vllm:generation_tokens", "Number of generation tokens processed.", engine -> engine.stats().generationTokens());
        out.requestSuccess();
        out.histogram("vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.",
                engine -> engine.stats().timeToFirstToken());
        out.histogram("vllm:inter_token_latency_seconds", "Histogram of inter-token latency in seconds.",
                engine -> engine.stats().interTokenLatency());
        out.histogram("vllm:e2e_request_latency_seconds", "Histogram of e2e request latency in seconds.",
                engine -> engine.stats().e2eRequestLatency());
        out.histogram("vllm:request_queue_time_seconds", "Histogram of time spent in WAITING phase for request.",
                engine -> engine.stats().requestQueueTime());
        return out.text.toString();
    }

    private void header(String name, String help, String type) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void gauge(String name, String help, ToDoubleFunction<ModelEngine> value) {
        header(name, help, "gauge");
        for (ModelEngine engine : engines) {
            sample(name, engine, "", value.applyAsDouble(engine));
        }
    }

    private void counter(String name, String help, ToDoubleFunction<ModelEngine> value) {
        header(name, help, "counter");
        for (ModelEngine engine : engines) {
            sample(name + "_total", engine, "", value.applyAsDouble(engine));
        }
    }

    private void requestSuccess() {
        header("vllm:request_success", "Count of successfully processed requests.", "counter");
        for (ModelEngine engine : engines) {
            for (ModelStats.FinishedReason reason : ModelStats.FinishedReason.values()) {
                sample("vllm:request_success_total", engine, ",finished_reason=\"" + reason.label() + "\"", engine.stats().finished(reason));
            }
        }
    }

    private void histogram(String name, String help, Function<ModelEngine, Histogram> of) {
        header(name, help, "histogram");
        for (ModelEngine engine : engines) {
            Histogram histogram = of.apply(engine);
            double[] bounds = histogram.bounds();
            long[] counts = histogram.cumulativeCounts();
            for (int i = 0; i < bounds.length; i++) {
                sample(name + "_bucket", engine, ",le=\"" + bounds[i] + "\"", counts[i]);
            }
            sample(name + "_bucket", engine, ",le=\"+Inf\"", counts[bounds.length]);
            sample(name + "_count", engine, "", counts[bounds.length]);
            sample(name + "_sum", engine, "", histogram.sum());
        }
    }

    private void sample(String name, ModelEngine engine, String moreLabels, double value) {
        text.append(name).append("{model_name=\"").append(escape(engine.model())).append("\",engine=\"0\"")
                .append(moreLabels).append("} ").append(value).append('\n');
    }

    /** The text format's label value escapes: backslash, double quote and line feed. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
