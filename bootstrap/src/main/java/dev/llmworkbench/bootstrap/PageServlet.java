package dev.llmworkbench.bootstrap;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The page at {@code GET /} and the files it loads: the WAR's own (index.html, app.js, app.css,
 * page/*) and the WebJars' {@code META-INF/resources} under {@code /webjars/*}. Liberty's file serving
 * never sees these requests, because the JAX-RS application at {@code /} is mapped to {@code /*};
 * exact and longer prefix mappings win over it, so this servlet takes only the paths it names and
 * the emulator's and the API's paths never pass through it.
 */
@WebServlet(name = "page", urlPatterns = {"", "/index.html", "/app.js", "/app.css", "/page/*", "/webjars/*"})
public class PageServlet extends HttpServlet {
    private static final String INDEX = "/index.html";

    /** What the page is made of; any other file (a source map, a TypeScript declaration) is not served. */
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            // Module scripts load only with a JavaScript type (HTML's strict MIME check).
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    /**
     * Only this origin's scripts, styles and API; Chart.js sizes its canvases through inline styles.
     * No framing, so the form cannot be overlaid on another site.
     */
    private static final String POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String file = path.isEmpty() || "/".equals(path) ? INDEX : path;
        String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        // The container has already resolved dot segments; a name with one left is refused, never looked up.
        InputStream content = type == null || file.contains("..") || file.endsWith("/")
                ? null : getServletContext().getResourceAsStream(file);
        if (content == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (content) {
            response.setContentType(type);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            // A WebJar's path carries its version, so its files never change; the page's own are checked every time.
            response.setHeader("Cache-Control", file.startsWith("/webjars/") ? "public, max-age=31536000, immutable" : "no-cache");
            if (type.startsWith("text/html")) {
                response.setHeader("Content-Security-Policy", POLICY);
            }
            if ("GET".equals(request.getMethod())) {
                content.transferTo(response.getOutputStream());
            }
        }
    }
}
