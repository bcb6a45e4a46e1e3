package dev.llmworkbench.rest;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The web application's one error page (WEB-INF/web.xml): whatever the container refuses on its
 * own (an encoded slash in the path, an exception that escaped) is answered in OpenAI's error shape
 * instead of Liberty's HTML page, which names Java classes and shows a stack trace. A filter on the
 * error dispatch rather than a servlet: a servlet of its own kept Liberty from mapping the JAX-RS
 * application at all (every resource answered 404), and a filter needs no URL anyone can call.
 */
@WebFilter(filterName = "error-page", urlPatterns = ErrorPageFilter.PATH, dispatcherTypes = DispatcherType.ERROR, asyncSupported = true)
public class ErrorPageFilter extends HttpFilter {
    static final String PATH = "/error";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        ErrorBody.write(response, ErrorMapper.fromStatus(status));
    }
}
