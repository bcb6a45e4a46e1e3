package dev.llmworkbench.rest.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
    @Test
    void commaSeparatedKeysAreEachAcceptedWithoutTheirSpaces() {
        ApiKeys keys = ApiKeys.parse(" sk-one , sk-two,sk-three ");
        assertEquals(3, keys.size());
        assertTrue(keys.matches("sk-one"));
        assertTrue(keys.matches("sk-two"));
        assertTrue(keys.matches("sk-three"));
    }

    @Test
    void aKeyThatDiffersByCaseByAPrefixOrByAnExtraCharacterIsRefused() {
        ApiKeys keys = ApiKeys.parse("sk-secret");
        assertFalse(keys.matches("SK-SECRET"));
        assertFalse(keys.matches("sk-secre"));
        assertFalse(keys.matches("sk-secrets"));
        assertFalse(keys.matches(""));
        assertFalse(keys.matches(null));
    }

    @Test
    void aKeyFileSkipsBlankLinesAndCommentLines(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("keys"), "# team keys\n\nsk-alpha\n  sk-beta  \n#sk-gamma\n");
        ApiKeys keys = ApiKeys.parse("file:" + file);
        assertEquals(2, keys.size());
        assertTrue(keys.matches("sk-alpha"));
        assertTrue(keys.matches("sk-beta"));
        assertFalse(keys.matches("sk-gamma"));
        assertFalse(keys.matches("# team keys"));
    }

    @Test
    void aSettingWithNoKeyInItIsRefusedAtStartUpRatherThanLeavingTheServerOpen(@TempDir Path dir) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(" , ,"));
        Path comments = Files.writeString(dir.resolve("keys"), "# nothing yet\n");
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("file:" + comments));
    }

    @Test
    void anUnreadableKeyFileNamesThePathButNoContent(@TempDir Path dir) {
        Exception failure = assertThrows(RuntimeException.class, () -> ApiKeys.parse("file:" + dir.resolve("absent")));
        assertTrue(failure.getMessage().contains("absent"), failure.getMessage());
    }

    @Test
    void theKeysTextShowsTheirCountAndNoKey() {
        String text = ApiKeys.parse("sk-visible-marker,sk-other").toString();
        assertFalse(text.contains("sk-"), text);
        assertTrue(text.contains("2"), text);
    }
}
