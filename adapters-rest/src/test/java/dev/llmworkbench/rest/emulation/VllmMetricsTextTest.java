package dev.llmworkbench.rest.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.emulation.ChatCommand;
import dev.llmworkbench.application.emulation.EmulateChatCompletion;
import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.application.emulation.Emulator;
import dev.llmworkbench.application.emulation.EmulatorSettings;
import dev.llmworkbench.application.emulation.EngineSettings;
import dev.llmworkbench.application.emulation.Engines;
import dev.llmworkbench.application.emulation.InFlight;
import dev.llmworkbench.application.emulation.TimingOverrides;
import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.domain.chat.ChatRequest;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.emulation.FailureInjection;
import dev.llmworkbench.domain.emulation.LatencyProfile;
import dev.llmworkbench.domain.emulation.TokenTiming;
import dev.llmworkbench.domain.models.ModelCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VllmMetricsTextTest {
    /** vLLM's TTFT buckets, as vllm/v1/metrics/loggers.py declares them. */
    private static final String TTFT_LE = "0.001 0.005 0.01 0.02 0.04 0.06 0.08 0.1 0.25 0.5 0.75 1.0 2.5 5.0 7.5 10.0 20.0 40.0 80.0 160.0 640.0 2560.0 +Inf";
    /** Prometheus' text format: a sample is a name, labels in braces, and a value. */
    private static final Pattern SAMPLE = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\",?)*} \\S+");

    private final Engines engines = new Engines();
    private final EmulateChatCompletion emulate = new EmulateChatCompletion(new Emulator(new ModelCatalog(ModelCatalog.DEFAULT_IDS, false),
            new EmulatorSettings(new TokenTiming(Duration.ofMillis(100), Duration.ofMillis(50), 4), LatencyProfile.NONE,
                    FailureInjection.NONE, Duration.ofSeconds(10), Duration.ofSeconds(1), 1000, Duration.ofSeconds(60), EngineSettings.NONE),
            new InFlight(), EmulatorMetrics.NONE, Clock.systemUTC(), () -> new SplittableRandom(1), engines));

    private void answer(String model) {
        ChatRequest request = new ChatRequest(model, List.of(Message.text(Role.USER, "Hi")), 1, OptionalInt.empty(), List.of(),
                OptionalLong.empty(), List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text());
        Emulation emulation = emulate.emulate(new ChatCommand(request, TimingOverrides.NONE, System.nanoTime()));
        emulation.completed();
        emulation.finish();
    }

    @Test
    void everyLineIsACommentOrAWellFormedSampleWithTheModelAndEngineLabels() {
        answer("gpt-4o");
        answer("my \"quoted\" model");
        String text = VllmMetricsText.of(engines.all());
        for (String line : text.lines().toList()) {
            if (!line.startsWith("# HELP ") && !line.startsWith("# TYPE ")) {
                assertTrue(SAMPLE.matcher(line).matches(), line);
                assertTrue(line.contains("model_name=\"") && line.contains("engine=\"0\""), line);
            }
        }
        assertTrue(text.contains("model_name=\"my \\\"quoted\\\" model\""), text);
    }

    @Test
    void countersAreTypedByTheirNameAndSampledWithTotal() {
        answer("gpt-4o");
        String text = VllmMetricsText.of(engines.all());
        assertTrue(text.contains("# TYPE vllm:generation_tokens counter\n"), text);
        assertTrue(text.contains("vllm:generation_tokens_total{model_name=\"gpt-4o\",engine=\"0\"} 4.0\n"), text);
        assertTrue(text.contains("vllm:request_success_total{model_name=\"gpt-4o\",engine=\"0\",finished_reason=\"length\"} 0.0\n"), text);
        assertTrue(text.contains("vllm:request_success_total{model_name=\"gpt-4o\",engine=\"0\",finished_reason=\"stop\"} 1.0\n"), text);
        assertTrue(text.contains("# TYPE vllm:num_requests_running gauge\nvllm:num_requests_running{model_name=\"gpt-4o\",engine=\"0\"} 0.0\n"), text);
    }

    @Test
    void histogramsHaveVllmsBucketsCumulativeWithCountAndSum() {
        answer("gpt-4o");
        String text = VllmMetricsText.of(engines.all());
        StringBuilder le = new StringBuilder();
        var bucket = Pattern.compile("vllm:time_to_first_token_seconds_bucket\\{[^}]*le=\"([^\"]+)\"} (\\S+)").matcher(text);
        double previous = 0;
        while (bucket.find()) {
            le.append(le.isEmpty() ? "" : " ").append(bucket.group(1));
            double count = Double.parseDouble(bucket.group(2));
            assertTrue(count >= previous, "cumulative");
            previous = count;
        }
        assertEquals(TTFT_LE, le.toString());
        assertEquals(1.0, previous);
        assertTrue(text.contains("vllm:time_to_first_token_seconds_count{model_name=\"gpt-4o\",engine=\"0\"} 1.0\n"), text);
        assertTrue(text.contains("vllm:inter_token_latency_seconds_count{model_name=\"gpt-4o\",engine=\"0\"} 3.0\n"), text);
    }
}
