package dev.llmworkbench.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stamps every request's arrival (TTFT counts from it) and, for JSON POSTs under /v1, enforces the
 * content type and body size, parses the body once, and routes by its {@code stream} flag: the
 * Accept header is set so JAX-RS picks the SSE or the JSON resource method.
 */
@Provider
@PreMatching
@Priority(1)
@ApplicationScoped
public class JsonBodyFilter implements ContainerRequestFilter {
    public static final String ARRIVAL = "workbench.arrivalNanos";
    public static final String BODY = "workbench.jsonBody";

    private static final JsonReaderFactory READERS = JsonProvider.provider().createReaderFactory(Map.of());

    @Inject
    @ConfigProperty(name = "workbench.http.max-body-bytes", defaultValue = "33554432")
    long maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        request.setProperty(ARRIVAL, System.nanoTime());
        String path = request.getUriInfo().getPath();
        if (!HttpMethod.POST.equals(request.getMethod()) || !(path.startsWith("v1/") || path.startsWith("/v1/"))) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type != null && "multipart".equals(type.getType())) {
            return;
        }
        if (type != null && !(type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"))) {
            throw new ApiException(415, "invalid_request_error",
                    "Unsupported Content-Type '" + type + "': send the body as application/json.", "Content-Type", "unsupported_media_type");
        }
        if (request.getLength() > maxBodyBytes) {
            throw tooLarge();
        }
        JsonObject body = parse(readBounded(request.getEntityStream()));
        request.setProperty(BODY, body);
        JsonValue stream = body.get("stream");
        if (stream != null && stream != JsonValue.TRUE && stream != JsonValue.FALSE && stream != JsonValue.NULL) {
            throw JsonFields.wrongType("stream", "a boolean", stream);
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT,
                stream == JsonValue.TRUE ? MediaType.SERVER_SENT_EVENTS : MediaType.APPLICATION_JSON);
    }

    private byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (bytes.length > maxBodyBytes) {
            throw tooLarge();
        }
        return bytes;
    }

    private ApiException tooLarge() {
        return new ApiException(413, "invalid_request_error",
                "Request body too large: the limit is " + maxBodyBytes + " bytes.", null, "request_too_large");
    }

    private static JsonObject parse(byte[] bytes) {
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.invalid(null, "The request body must be a JSON object.");
            }
            return value.asJsonObject();
        } catch (jakarta.json.JsonException e) {
            throw ApiException.invalid(null, "We could not parse the JSON body of your request. "
                    + "(HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)");
        }
    }
}
