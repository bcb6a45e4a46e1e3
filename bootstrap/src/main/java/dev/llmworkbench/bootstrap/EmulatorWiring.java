package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.emulation.ChangeSettings;
import dev.llmworkbench.application.emulation.CreateEmbeddings;
import dev.llmworkbench.application.emulation.EmulateChatCompletion;
import dev.llmworkbench.application.emulation.EmulateTextCompletion;
import dev.llmworkbench.application.emulation.Emulator;
import dev.llmworkbench.application.emulation.Engines;
import dev.llmworkbench.application.emulation.FindModel;
import dev.llmworkbench.application.emulation.InFlight;
import dev.llmworkbench.application.emulation.ListModels;
import dev.llmworkbench.application.emulation.RateLimiter;
import dev.llmworkbench.application.emulation.SettingKeys;
import dev.llmworkbench.application.emulation.port.EmulatorMetrics;
import dev.llmworkbench.rest.emulation.JsonlCannedAnswers;
import dev.llmworkbench.rest.emulation.StreamSlots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.Config;

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
    SettingKeys settingKeys() {
        return new SettingKeys(new JsonlCannedAnswers());
    }

    @Produces
    @Singleton
    Engines engines() {
        return new Engines();
    }

    @Produces
    @Singleton
    Emulator emulator(EmulatorConfig config, SettingKeys keys, InFlight inFlight, EmulatorMetrics metrics, Engines engines) {
        return new Emulator(config.catalog(), config.withService(config.settings(), keys), inFlight, metrics,
                Clock.systemUTC(), ThreadLocalRandom::current, engines);
    }

    @Produces
    @Singleton
    ChangeSettings changeSettings(Emulator emulator, SettingKeys keys) {
        return new ChangeSettings(emulator.live(), keys);
    }

    @Produces
    @Singleton
    RateLimiter rateLimiter() {
        return new RateLimiter();
    }

    /** Twice the 10,000 users the load generator is built for, so no single run of it meets the limit. */
    @Produces
    @Singleton
    StreamSlots streamSlots(Config config) {
        return new StreamSlots(config.getOptionalValue(StreamSlots.KEY, Integer.class).orElse(20_000));
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
