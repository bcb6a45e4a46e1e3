package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.emulation.Emulator;
import dev.llmworkbench.application.responses.DeleteResponse;
import dev.llmworkbench.application.responses.EmulateResponse;
import dev.llmworkbench.application.responses.GetResponse;
import dev.llmworkbench.application.responses.ListInputItems;
import dev.llmworkbench.application.responses.port.StoredResponses;
import dev.llmworkbench.persistence.memory.InMemoryStoredResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Responses API's use cases over the stored responses, held in memory and bounded in number. */
@ApplicationScoped
public class ResponsesWiring {
    @Inject
    @ConfigProperty(name = "workbench.emulator.stored-responses", defaultValue = "10000")
    int storedResponses;

    @Produces
    @Singleton
    StoredResponses storedResponses() {
        return new InMemoryStoredResponses(storedResponses);
    }

    @Produces
    @Singleton
    EmulateResponse emulateResponse(Emulator emulator, StoredResponses stored) {
        return new EmulateResponse(emulator, stored);
    }

    @Produces
    @Singleton
    GetResponse getResponse(StoredResponses stored) {
        return new GetResponse(stored);
    }

    @Produces
    @Singleton
    DeleteResponse deleteResponse(StoredResponses stored) {
        return new DeleteResponse(stored);
    }

    @Produces
    @Singleton
    ListInputItems listInputItems(StoredResponses stored) {
        return new ListInputItems(stored);
    }
}
