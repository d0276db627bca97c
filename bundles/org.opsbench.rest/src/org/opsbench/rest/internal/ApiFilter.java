package org.opsbench.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.opsbench.rest.ApiProblem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * In front of everything the HTTP server serves (the Jersey servlet of the resources and {@link ApiServlet}): reads the
 * request body up to {@code maxBodyBytes} (413 beyond), so that an unread body never makes Jetty drop a kept-alive
 * connection, records the request statistics, and answers a problem for anything that escapes.
 */
@Component(service = Filter.class, property = {"osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=opsbench-rest"})
public final class ApiFilter implements Filter {

    private final ApiCore core;

    /** With the shared runtime. */
    @Activate
    public ApiFilter(@Reference ApiCore core) {
        this.core = core;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        long start = System.nanoTime();
        String path = ApiCore.path(req.getRequestURI(), req.getContextPath());
        int status;
        try {
            byte[] body = readBody(req);
            chain.doFilter(new Buffered(req, body), resp);
            status = resp.getStatus();
        } catch (ApiProblem p) {
            status = core.writeProblem(resp, path, p);
        } catch (Throwable t) {
            status = core.writeUnexpected(resp, path, t);
        }
        Object route = req.getAttribute(ApiCore.ROUTE_ATTRIBUTE);
        core.stats().record(route instanceof String r ? r : "unmatched", req.getMethod(), status,
                System.nanoTime() - start);
    }

    private byte[] readBody(HttpServletRequest req) throws IOException {
        long max = core.maxBody();
        long declared = req.getContentLengthLong();
        if (declared > max) {
            throw tooLarge(max);
        }
        if (declared == 0) {
            return new byte[0];
        }
        try (InputStream in = req.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw tooLarge(max);
            }
            return bytes;
        }
    }

    private static ApiProblem tooLarge(long max) {
        return new ApiProblem(413, "Content Too Large", "the request body is larger than " + max + " bytes", null);
    }

    /** The request with its body read into memory. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body),
                    getCharacterEncoding() == null
                            ? java.nio.charset.StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
