package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.emulation.CreateEmbeddings;
import dev.llmworkbench.application.emulation.EmulateChatCompletion;
import dev.llmworkbench.application.emulation.EmulateTextCompletion;
import dev.llmworkbench.application.emulation.Emulator;
import dev.llmworkbench.application.emulation.Engines;
import dev.llmworkbench.application.emulation.FindModel;
import dev.llmworkbench.application.emulation.InFlight;
import dev.llmworkbench.application.emulation.ListModels;
import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the emulator's use cases from configuration. Produced as {@link Singleton}: the use cases
 * are final classes without no-arg constructors, so they are shared instances, not proxies.
 */
@ApplicationScoped
public class EmulatorWiring {
    @Produces
    @Singleton
    InFlight inFlight() {
        return new InFlight();
    }

    @Produces
    @Singleton
    Engines engines() {
        return new Engines();
    }

    @Produces
    @Singleton
    Emulator emulator(EmulatorConfig config, InFlight inFlight, EmulatorMetrics metrics, Engines engines) {
        return new Emulator(config.catalog(), config.settings(), inFlight, metrics, Clock.systemUTC(), ThreadLocalRandom::current, engines);
    }

    @Produces
    @Singleton
    EmulateChatCompletion chat(Emulator emulator) {
        return new EmulateChatCompletion(emulator);
    }

    @Produces
    @Singleton
    EmulateTextCompletion completion(Emulator emulator) {
        return new EmulateTextCompletion(emulator);
    }

    @Produces
    @Singleton
    CreateEmbeddings embeddings(Emulator emulator) {
        return new CreateEmbeddings(emulator);
    }

    @Produces
    @Singleton
    ListModels listModels(Emulator emulator) {
        return new ListModels(emulator);
    }

    @Produces
    @Singleton
    FindModel findModel(Emulator emulator) {
        return new FindModel(emulator);
    }
}
