package dev.llmworkbench.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The web application's one error page (WEB-INF/web.xml): whatever the container refuses on its
 * own (a malformed URI, an encoded slash, an exception that escaped) is answered in OpenAI's error
 * shape instead of Liberty's HTML page, which names Java classes and shows a stack trace.
 */
@WebServlet(name = "error-page", urlPatterns = ErrorPageServlet.PATH, asyncSupported = true)
public class ErrorPageServlet extends HttpServlet {
    static final String PATH = "/error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Asked for directly, this URL is as unknown as any other.
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        ErrorBody.write(response, ErrorMapper.fromStatus(status));
    }

    /**
     * Liberty answers TRACE with its own HTML 403 for any servlet that keeps HttpServlet's doTrace,
     * this error page included; declaring one lets the error reach {@link #service}.
     */
    @Override
    protected void doTrace(HttpServletRequest request, HttpServletResponse response) throws IOException {
        service(request, response);
    }
}
