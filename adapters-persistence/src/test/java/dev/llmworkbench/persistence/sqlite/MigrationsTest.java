package dev.llmworkbench.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    @Test
    void theWorkbenchSchemaStartsWithTheLoadTestTables() {
        List<Migration> migrations = Migrations.fromClasspath(Migrations.WORKBENCH);
        assertEquals("V001__load_tests.sql", migrations.getFirst().fileName());
    }

    @Test
    void theLoadTestMigrationNeverChangesOnceReleased() {
        // sha256sum adapters-persistence/src/main/resources/db/sqlite/V001__load_tests.sql, taken when it was written:
        // an edit would fail start-up on every database it was applied to, so it must go into a new migration.
        assertEquals("ae54701d120fd08b122ccea253863e1b1326ee2e6e3fb40e348016704eff4638",
                Migrations.fromClasspath(Migrations.WORKBENCH).getFirst().checksum());
    }

    @Test
    void refusesAListedFileNotNamedLikeV001() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Migrations.fromClasspath("migrations/misnamed"));
        assertTrue(refused.getMessage().contains("V2__second.sql"), refused.getMessage());
    }

    @Test
    void refusesAGapInTheVersions() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Migrations.fromClasspath("migrations/gap"));
        assertTrue(refused.getMessage().contains("V003__third.sql should be version 2"), refused.getMessage());
    }

    @Test
    void refusesAListedFileThatIsNotOnTheClasspath() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Migrations.fromClasspath("migrations/missing"));
        assertTrue(refused.getMessage().contains("migrations/missing/V001__first.sql"), refused.getMessage());
    }
}
