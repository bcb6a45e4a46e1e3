package dev.llmworkbench.application.emulation;

import dev.llmworkbench.application.emulation.port.CannedAnswerFiles;

/** Reads the {@code response-mode} setting: {@code generated}, {@code echo}, or {@code canned:<path of a JSONL file>}. */
public final class ResponseModes {
    private static final String CANNED = "canned:";

    private ResponseModes() {
    }

    public static ResponseMode parse(String key, String value, CannedAnswerFiles files) {
        String text = value.strip();
        if (text.equals("generated")) {
            return ResponseMode.GENERATED;
        }
        if (text.equals("echo")) {
            return new ResponseMode.Echo();
        }
        if (text.startsWith(CANNED) && text.length() > CANNED.length()) {
            String path = text.substring(CANNED.length());
            try {
                return new ResponseMode.Canned(path, files.read(path));
            } catch (IllegalArgumentException e) {
                throw SettingValues.invalid(key, e.getMessage());
            }
        }
        throw SettingValues.invalid(key, "expected generated, echo or canned:<path to a JSONL file>");
    }
}
