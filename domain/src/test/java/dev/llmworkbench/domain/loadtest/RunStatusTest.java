package dev.llmworkbench.domain.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunStatusTest {
    @Test
    void allowsExactlyTheTransitionsOfTheRunLifecycle() {
        // The lifecycle issue 17 gives: queued -> running -> one end; a queued run may also end without running.
        Set<String> expected = Set.of("queued>running", "queued>cancelled", "queued>failed", "queued>interrupted",
                "running>completed", "running>cancelled", "running>failed", "running>interrupted");
        Set<String> allowed = new java.util.HashSet<>();
        for (RunStatus from : RunStatus.values()) {
            for (RunStatus to : RunStatus.values()) {
                if (from.canBecome(to)) {
                    allowed.add(from.wireName() + ">" + to.wireName());
                }
            }
        }
        assertEquals(expected, allowed);
    }

    @Test
    void theFourEndsAreTerminalAndQueuedAndRunningAreNot() {
        EnumSet<RunStatus> terminal = EnumSet.noneOf(RunStatus.class);
        for (RunStatus status : RunStatus.values()) {
            if (status.isTerminal()) {
                terminal.add(status);
            }
        }
        assertEquals(EnumSet.of(RunStatus.COMPLETED, RunStatus.CANCELLED, RunStatus.FAILED, RunStatus.INTERRUPTED), terminal);
    }

    @Test
    void wireNamesAreTheSixStatusesTheApiShows() {
        assertEquals(List.of("queued", "running", "completed", "cancelled", "failed", "interrupted"),
                EnumSet.allOf(RunStatus.class).stream().map(RunStatus::wireName).toList());
        assertEquals(RunStatus.INTERRUPTED, RunStatus.fromWireName("interrupted"));
        assertThrows(IllegalArgumentException.class, () -> RunStatus.fromWireName("RUNNING"));
    }
}
