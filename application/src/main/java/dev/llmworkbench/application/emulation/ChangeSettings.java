package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shows, changes and restores the emulator's live settings. A change of several keys is validated whole before it is
 * swapped in, so a bad value changes nothing; requests that arrive afterwards see it, requests already started keep
 * theirs. Every change is logged, one line per key.
 */
public final class ChangeSettings {
    private static final System.Logger LOG = System.getLogger(ChangeSettings.class.getName());

    private final LiveSettings live;
    private final SettingKeys keys;

    public ChangeSettings(LiveSettings live, SettingKeys keys) {
        this.live = Objects.requireNonNull(live, "live");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Every setting in force, by key, in the registry's order; a value is a number, boolean, string or null. */
    public Map<String, Object> show() {
        return values(live.current());
    }

    /** Applies {@code changes} (key to value as text) together, or none of them; answers the settings then in force. */
    public Map<String, Object> change(Map<String, String> changes) {
        for (String name : changes.keySet()) {
            keys.find(name).orElseThrow(() -> new InvalidRequestException(name, "Unknown setting '" + name + "'; the settings are "
                    + String.join(", ", values(live.current()).keySet()) + "."));
        }
        LiveSettings.Change change = live.update(before -> apply(before, changes));
        log(change);
        return values(change.after());
    }

    /** Restores the configured settings. */
    public Map<String, Object> reset() {
        LiveSettings.Change change = live.reset();
        log(change);
        return values(change.after());
    }

    /**
     * Keys are applied in passes: one that breaks a rule between settings ({@code itl-ms} above a {@code max-itl-ms}
     * changed in the same request) waits for the others, so the order of keys in a request does not matter.
     */
    private EmulatorSettings apply(EmulatorSettings before, Map<String, String> changes) {
        EmulatorSettings settings = before;
        List<String> pending = new ArrayList<>(changes.keySet());
        Map<String, String> reasons = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            List<String> waiting = new ArrayList<>();
            for (String name : pending) {
                try {
                    settings = keys.find(name).orElseThrow().change().apply(settings, changes.get(name));
                } catch (IllegalArgumentException | ArithmeticException conflict) {
                    waiting.add(name);
                    reasons.put(name, conflict.getMessage());
                }
            }
            if (waiting.size() == pending.size()) {
                String name = waiting.getFirst();
                throw new InvalidRequestException(name, "Invalid value for setting '" + name + "': " + reasons.get(name) + ".");
            }
            pending = waiting;
        }
        return settings;
    }

    private Map<String, Object> values(EmulatorSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (SettingKeys.Key key : keys.all()) {
            values.put(key.name(), key.reader().apply(settings));
        }
        return values;
    }

    private void log(LiveSettings.Change change) {
        Map<String, Object> before = values(change.before());
        values(change.after()).forEach((name, after) -> {
            Object old = before.get(name);
            if (!Objects.equals(old, after)) {
                LOG.log(System.Logger.Level.INFO, "event=emulator_setting_changed " + name + "=" + old + "->" + after);
            }
        });
    }
}
