package dev.marketplace.ui.security;

import dev.marketplace.ui.shell.PortalUrls;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Signs out of the portal (drops the HTTP session, and with it the OpenID Connect tokens kept there) and then out
 * of Keycloak, which sends the browser back to the public home page.
 */
@WebServlet(urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String idToken = null;
        HttpSession session = request.getSession(false);
        if (session != null) {
            idToken = session.getAttribute(LoginServlet.ID_TOKEN_ATTRIBUTE) instanceof String token ? token : null;
            session.invalidate();
        }
        response.sendRedirect(PortalUrls.endSession(PortalUrls.realmUrl(), PortalUrls.origin(request), idToken));
    }
}
