package dev.llmworkbench.domain;

/** Something the caller named does not exist: answered as 404 with {@code code} set. */
public class NotFoundException extends RuntimeException {
    private final String param;
    private final String code;

    public NotFoundException(String param, String code, String message) {
        super(message);
        this.param = param;
        this.code = code;
    }

    public static NotFoundException model(String id) {
        return new NotFoundException("model", "model_not_found",
                "The model `" + id + "` does not exist or you do not have access to it.");
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }
}
