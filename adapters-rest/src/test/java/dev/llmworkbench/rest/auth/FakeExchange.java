package dev.llmworkbench.rest.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** One request through {@link AccessFilter}, with a servlet request and response made of just what the filter uses. */
final class FakeExchange {
    final Map<String, String> responseHeaders = new HashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = 200;
    boolean passed;

    static FakeExchange through(AccessFilter filter, String path, String remoteAddress, String... headers) throws Exception {
        Map<String, String> requestHeaders = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            requestHeaders.put(headers[i].toLowerCase(Locale.ROOT), headers[i + 1]);
        }
        FakeExchange exchange = new FakeExchange();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(FakeExchange.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> path;
                    case "getContextPath" -> "";
                    case "getRemoteAddr" -> remoteAddress;
                    case "getHeader" -> requestHeaders.get(((String) args[0]).toLowerCase(Locale.ROOT));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                exchange.body.write(b);
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(FakeExchange.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isCommitted" -> false;
                    case "resetBuffer", "setContentLength" -> null;
                    case "setStatus" -> {
                        exchange.status = (int) args[0];
                        yield null;
                    }
                    case "setHeader" -> {
                        exchange.responseHeaders.put(((String) args[0]).toLowerCase(Locale.ROOT), (String) args[1]);
                        yield null;
                    }
                    case "setContentType" -> {
                        exchange.responseHeaders.put("content-type", (String) args[0]);
                        yield null;
                    }
                    case "getOutputStream" -> out;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        FilterChain chain = (req, res) -> exchange.passed = true;
        filter.doFilter(request, response, chain);
        return exchange;
    }

    String body() {
        return body.toString(StandardCharsets.UTF_8);
    }
}
