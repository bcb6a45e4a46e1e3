package dev.llmworkbench.bootstrap.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test server's route {@code collatefail}: a Files and Batches API on loopback whose batches end badly on purpose,
 * by the model of their lines: {@code collatefail-failed} ends {@code failed}, {@code collatefail-expired} ends
 * {@code expired} with the first line answered and the others in the error file ({@code batch_expired}), and
 * {@code collatefail-refused}'s upload is refused with 401. A batch is in progress at its first poll and ends at its second.
 */
final class CollateUpstream implements AutoCloseable {
    static final int PORT = Integer.getInteger("workbench.it.collate.port", 49081);
    private static final Pattern CUSTOM_ID = Pattern.compile("\"custom_id\":\"([A-Za-z0-9_]+)\"");
    private static final Pattern MODEL = Pattern.compile("\"model\":\"(collatefail-[a-z]+)\"");
    private static final Pattern FILE_ID = Pattern.compile("\"input_file_id\":\"([^\"]+)\"");

    private record Upload(String model, List<String> customIds) {
    }

    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();
    // The test server's store outlives a run of the tests; ids unique to this run keep its status log rows apart.
    private final String run = Long.toHexString(System.nanoTime());
    private final Map<String, Upload> files = new ConcurrentHashMap<>();
    private final Map<String, Upload> batches = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();

    CollateUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v1/files") && exchange.getRequestMethod().equals("POST")) {
                upload(exchange, body);
            } else if (path.equals("/v1/batches")) {
                create(exchange, body);
            } else if (path.startsWith("/v1/batches/")) {
                poll(exchange, path.substring("/v1/batches/".length()));
            } else if (path.startsWith("/v1/files/") && path.endsWith("/content")) {
                content(exchange, path.substring("/v1/files/".length(), path.length() - "/content".length()));
            } else {
                send(exchange, 404, "{\"error\":{\"message\":\"no such path\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
            }
        }
    }

    private void upload(HttpExchange exchange, String body) throws IOException {
        Matcher model = MODEL.matcher(body);
        String modelName = model.find() ? model.group(1) : "collatefail-unknown";
        if (modelName.equals("collatefail-refused")) {
            send(exchange, 401, "{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\","
                    + "\"param\":null,\"code\":\"invalid_api_key\"}}");
            return;
        }
        List<String> customIds = new ArrayList<>();
        Matcher id = CUSTOM_ID.matcher(body);
        while (id.find()) {
            customIds.add(id.group(1));
        }
        String fileId = "file-up" + run + "x" + ids.incrementAndGet();
        files.put(fileId, new Upload(modelName, customIds));
        send(exchange, 200, "{\"id\":\"" + fileId + "\",\"object\":\"file\",\"bytes\":" + body.length()
                + ",\"created_at\":1700000000,\"filename\":\"in.jsonl\",\"purpose\":\"batch\"}");
    }

    private void create(HttpExchange exchange, String body) throws IOException {
        Matcher file = FILE_ID.matcher(body);
        Upload upload = file.find() ? files.get(file.group(1)) : null;
        if (upload == null) {
            send(exchange, 400, "{\"error\":{\"message\":\"unknown file\",\"type\":\"invalid_request_error\",\"param\":\"input_file_id\",\"code\":null}}");
            return;
        }
        String batchId = "batch_up" + run + "x" + ids.incrementAndGet();
        batches.put(batchId, upload);
        polls.put(batchId, new AtomicInteger());
        send(exchange, 200, batch(batchId, "validating", upload.customIds().size(), 0, 0, null, null));
    }

    private void poll(HttpExchange exchange, String batchId) throws IOException {
        Upload upload = batches.get(batchId);
        int n = upload.customIds().size();
        if (polls.get(batchId).incrementAndGet() < 2) {
            send(exchange, 200, batch(batchId, "in_progress", n, 0, 0, null, null));
        } else if (upload.model().equals("collatefail-expired")) {
            send(exchange, 200, batch(batchId, "expired", n, 1, n - 1, "out-" + batchId, "err-" + batchId));
        } else {
            send(exchange, 200, batch(batchId, "failed", n, 0, 0, null, null));
        }
    }

    private void content(HttpExchange exchange, String fileId) throws IOException {
        String batchId = fileId.substring(4);
        List<String> customIds = batches.get(batchId).customIds();
        StringBuilder lines = new StringBuilder();
        if (fileId.startsWith("out-")) {
            lines.append("{\"id\":\"batch_req_1\",\"custom_id\":\"").append(customIds.getFirst()).append("\",\"response\":{")
                    .append("\"status_code\":200,\"request_id\":\"req_up1\",\"body\":").append(completion()).append("},\"error\":null}\n");
        } else {
            for (String customId : customIds.subList(1, customIds.size())) {
                lines.append("{\"id\":\"batch_req_x\",\"custom_id\":\"").append(customId).append("\",\"response\":null,\"error\":")
                        .append("{\"code\":\"batch_expired\",\"message\":\"This request could not be executed before the completion window expired.\"}}\n");
            }
        }
        send(exchange, 200, lines.toString());
    }

    static String completion() {
        return "{\"id\":\"chatcmpl-up1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"collatefail-expired\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Made it in time.\",\"refusal\":null},"
                + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13}}";
    }

    private static String batch(String id, String status, int total, int completed, int failed, String output, String error) {
        return "{\"id\":\"" + id + "\",\"object\":\"batch\",\"endpoint\":\"/v1/chat/completions\",\"input_file_id\":\"file-x\","
                + "\"completion_window\":\"24h\",\"status\":\"" + status + "\","
                + (output == null ? "" : "\"output_file_id\":\"" + output + "\",")
                + (error == null ? "" : "\"error_file_id\":\"" + error + "\",")
                + "\"created_at\":1700000000,\"request_counts\":{\"total\":" + total + ",\"completed\":" + completed
                + ",\"failed\":" + failed + "},\"metadata\":null}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
