package dev.atrium.platform.errors;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * The answer to requests the servlet container refuses before the application sees them (web.xml error pages): a
 * path with an encoded dot segment ({@code %2e%2e}), a malformed URI. They get a problem like every other error,
 * instead of the container's HTML page; nothing about the request is echoed.
 */
@WebServlet("/errors/container")
public class ContainerErrors extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        Problem problem = status >= 500
                ? ProblemLog.serverError(status, errorOf(request))
                : ProblemLog.clientError(Problem.of(
                        "bad-request",
                        "Bad request",
                        status,
                        "The request URI is malformed or contains an encoded dot segment; it was refused.",
                        URI.create("urn:uuid:" + java.util.UUID.randomUUID())));
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.getWriter().write(JSON.toJson(problem));
    }

    private static Throwable errorOf(HttpServletRequest request) {
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        return error instanceof Throwable throwable ? throwable : new IllegalStateException("container error");
    }
}
