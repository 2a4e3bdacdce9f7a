package dev.marketplace.api.errors;

import dev.marketplace.api.JsonReplies;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The container's own error answers (the OIDC guard's 401 and 403, an uncaught 500) in the API's error shape
 * instead of an HTML page; mapped as the error page in web.xml.
 */
@WebServlet(urlPatterns = "/error-page")
public class ErrorPageServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        String message = switch (status) {
            case 401 -> "Authentication required: send a Keycloak access token as 'Authorization: Bearer …'";
            case 403 -> "Your token does not carry a role allowed here";
            case 404 -> "No such API path";
            default -> status >= 500 ? "Internal error; it has been logged" : "Request failed";
        };
        JsonReplies.write(response, status, ApiErrors.body(status, ApiErrors.typeFor(status), message, null, Map.of()));
    }
}
