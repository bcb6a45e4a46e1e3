package dev.llmworkbench.domain.batch;

/** A batch's {@code request_counts}: its lines, those answered with a 2xx, and those answered otherwise or not at all. */
public record RequestCounts(int total, int completed, int failed) {
    public static final RequestCounts NONE = new RequestCounts(0, 0, 0);

    public RequestCounts {
        if (total < 0 || completed < 0 || failed < 0 || completed + failed > total) {
            throw new IllegalArgumentException("request counts out of range: " + total + "/" + completed + "/" + failed);
        }
    }

    public int answered() {
        return completed + failed;
    }
}
