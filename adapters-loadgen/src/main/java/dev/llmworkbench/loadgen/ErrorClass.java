package dev.llmworkbench.loadgen;

/**
 * Why a request failed, in the classes the load-test report counts failures by. {@link #key()} is the name
 * the report uses, so failures of the same HTTP status add up and different statuses stay apart.
 */
public sealed interface ErrorClass {

    String key();

    /** No connection: refused, unreachable, or not made within the connect timeout. */
    record Connect() implements ErrorClass {
        @Override
        public String key() {
            return "connect";
        }
    }

    /** The answer, or the rest of it, did not come within the request timeout. */
    record Timeout() implements ErrorClass {
        @Override
        public String key() {
            return "timeout";
        }
    }

    /** The server answered with a status other than 200. */
    record HttpStatus(int status) implements ErrorClass {
        public HttpStatus {
            if (status < 100 || status > 599 || status == 200) {
                throw new IllegalArgumentException("not a failing HTTP status: " + status);
            }
        }

        @Override
        public String key() {
            return "http_" + status;
        }
    }

    /** The connection dropped before the answer was whole, or a stream ended without OpenAI's {@code [DONE]}. */
    record StreamCut() implements ErrorClass {
        @Override
        public String key() {
            return "stream_cut";
        }
    }

    /** A 200 whose body is not the JSON an OpenAI answer is. */
    record BadBody() implements ErrorClass {
        @Override
        public String key() {
            return "bad_body";
        }
    }
}
