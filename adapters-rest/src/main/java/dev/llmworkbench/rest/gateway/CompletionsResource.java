package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.application.gateway.GetCompletion;
import dev.llmworkbench.application.gateway.ListCompletions;
import dev.llmworkbench.application.gateway.SumUsage;
import dev.llmworkbench.application.gateway.port.CompletionQuery;
import dev.llmworkbench.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The completion log: {@code GET /api/completions} (filters {@code model}, {@code route}, {@code status},
 * {@code since}, {@code until}; pages by {@code limit} and {@code after}), {@code GET /api/completions/{id}} and
 * {@code GET /api/usage}.
 */
@Path("/api")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CompletionsResource {
    static final int DEFAULT_LIMIT = 20;

    @Inject
    ListCompletions listCompletions;

    @Inject
    GetCompletion getCompletion;

    @Inject
    SumUsage sumUsage;

    @GET
    @Path("completions")
    public String list(@QueryParam("model") String model, @QueryParam("route") String route, @QueryParam("status") String status,
                       @QueryParam("since") String since, @QueryParam("until") String until, @QueryParam("limit") String limit,
                       @QueryParam("after") String after) {
        CompletionQuery query = new CompletionQuery(Optional.ofNullable(model), Optional.ofNullable(route), status(status),
                instant("since", since), instant("until", until), limit(limit), Optional.ofNullable(after));
        return CompletionJson.write(CompletionJson.page(listCompletions.list(query)));
    }

    @GET
    @Path("completions/{id}")
    public String get(@PathParam("id") String id) {
        return CompletionJson.write(CompletionJson.row(getCompletion.get(id)));
    }

    @GET
    @Path("usage")
    public String usage() {
        return CompletionJson.write(CompletionJson.usage(sumUsage.sum()));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (!limit.matches("\\d{1,3}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > CompletionQuery.MAX_LIMIT) {
            throw ApiException.invalid("limit", "Invalid 'limit': expected an integer from 1 to " + CompletionQuery.MAX_LIMIT
                    + ", got '" + ApiException.excerpt(limit, 20) + "'.");
        }
        return Integer.parseInt(limit);
    }

    private static OptionalInt status(String status) {
        if (status == null) {
            return OptionalInt.empty();
        }
        if (!status.matches("[1-5]\\d\\d")) {
            throw ApiException.invalid("status", "Invalid 'status': expected an HTTP status such as 200 or 429, got '"
                    + ApiException.excerpt(status, 20) + "'.");
        }
        return OptionalInt.of(Integer.parseInt(status));
    }

    /** An ISO-8601 instant ({@code 2026-03-01T00:00:00Z}) or Unix seconds, as OpenAI's {@code created} is. */
    private static Optional<Instant> instant(String param, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.matches("\\d{1,11}")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(param, "Invalid '" + param + "': expected Unix seconds or an ISO-8601 instant such as "
                    + "2026-03-01T00:00:00Z, got '" + ApiException.excerpt(value, 40) + "'.");
        }
    }
}
