package dev.llmworkbench.rest;

/** An HTTP failure already phrased in OpenAI's error vocabulary. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String param;
    private final String code;

    public ApiException(int status, String type, String message, String param, String code) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    public static ApiException invalid(String param, String message) {
        return new ApiException(400, "invalid_request_error", message, param, null);
    }

    /**
     * A bad value as an error message may quote it: printable ASCII only and at most {@code max}
     * characters, because it may be long or hold a secret pasted by mistake.
     */
    public static String excerpt(String raw, int max) {
        String printable = raw.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= max ? printable : printable.substring(0, max) + "...";
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }
}
