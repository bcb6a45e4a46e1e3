package dev.llmworkbench.bootstrap;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Liberty's {@code server stop} first quiesces for up to 30 s: it closes the HTTP listener at once but tells the
 * application only afterwards, and then drops the connections still open without a word. Watching this server's own
 * port is the portable way to learn of the stop while streams can still end properly: two refused connections in a
 * row, after the port once accepted one, call {@code onClosed} once.
 */
final class ListenerWatch implements Runnable {
    private static final Duration PERIOD = Duration.ofMillis(250);
    private static final int CONNECT_TIMEOUT_MS = 1_000;

    private final int port;
    private final Runnable onClosed;

    ListenerWatch(int port, Runnable onClosed) {
        this.port = port;
        this.onClosed = onClosed;
    }

    @Override
    public void run() {
        boolean accepted = false;
        int refused = 0;
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
                accepted = true;
                refused = 0;
            } catch (ConnectException closed) {
                if (accepted && ++refused >= 2) {
                    onClosed.run();
                    return;
                }
            } catch (IOException busy) {
                // a timeout is a busy listener, not a closed one
                refused = 0;
            }
            try {
                Thread.sleep(PERIOD);
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }
}
