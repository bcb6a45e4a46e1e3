package dev.llmworkbench.rest.loadtest;

import dev.llmworkbench.application.loadtest.LoadTestCommand;
import dev.llmworkbench.rest.auth.InternalKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The target of a plan without {@code host}: {@code workbench.loadtest.default-host} when set, else this server's own
 * emulator, reached on loopback at the port the request came in on. That port is the one Liberty really listens on
 * (the test server's port is a bootstrap property, the run server's an environment variable), so no configuration
 * can name a port the server does not have.
 */
@ApplicationScoped
public class LoadTestTargets {
    @Inject
    @ConfigProperty(name = "workbench.loadtest.default-host")
    Optional<String> defaultHost;

    @Inject
    InternalKey internal;

    /**
     * A plan's target when it names no {@code host}.
     *
     * @param builtInEmulator whether it is this server's emulator, which refuses vLLM's {@code min_tokens} and
     *                        {@code ignore_eos} as OpenAI does, and needs neither to give the exact output length
     */
    record DefaultTarget(URI uri, boolean builtInEmulator) {
    }

    /**
     * The command as it is run: a run of this server's own emulator that brings no key of its own is sent with this
     * process's internal key, so it passes the access control; a key the caller gave is used as given.
     */
    LoadTestCommand authorised(LoadTestCommand command) {
        return command.apiKey().isPresent() ? command : internal.forTarget(command.plan().target())
                .map(key -> new LoadTestCommand(command.plan(), command.planDocument(), Optional.of(key))).orElse(command);
    }

    DefaultTarget defaultTarget(HttpServletRequest request) {
        return defaultHost.filter(host -> !host.isBlank())
                .map(host -> new DefaultTarget(URI.create(host.strip()), false))
                .orElseGet(() -> new DefaultTarget(URI.create(request.getScheme() + "://localhost:" + request.getLocalPort()
                        + request.getContextPath() + "/v1"), true));
    }
}
