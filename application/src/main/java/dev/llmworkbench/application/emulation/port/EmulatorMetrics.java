package dev.llmworkbench.application.emulation.port;

/** What the emulator reports about itself; the bootstrap module publishes it as MicroProfile Metrics. */
public interface EmulatorMetrics {
    void requestAccepted(String endpoint);

    void requestFailed(String endpoint, int status);

    void streamOpened();

    void streamClosed();

    void tokensEmitted(int tokens);

    /** Time from the request's arrival to its first token, as sent. */
    void firstToken(long nanos);

    /** Gap between two consecutive tokens of one choice, as sent. */
    void interToken(long nanos);

    EmulatorMetrics NONE = new EmulatorMetrics() {
        public void requestAccepted(String endpoint) {
        }

        public void requestFailed(String endpoint, int status) {
        }

        public void streamOpened() {
        }

        public void streamClosed() {
        }

        public void tokensEmitted(int tokens) {
        }

        public void firstToken(long nanos) {
        }

        public void interToken(long nanos) {
        }
    };
}
