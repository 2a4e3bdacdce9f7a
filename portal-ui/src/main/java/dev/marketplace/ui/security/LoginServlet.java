package dev.marketplace.ui.security;

import dev.marketplace.ui.shell.PortalUser;
import dev.marketplace.ui.shell.ReturnPath;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one path under the OpenID Connect constraint ({@code web.xml}). By the time a request gets here the user has
 * signed in at Keycloak; this records who they are in the HTTP session and sends them on.
 */
@WebServlet(urlPatterns = "/login")
public class LoginServlet extends HttpServlet {

    /** HTTP session attribute holding the raw ID token, for the end-session request. */
    static final String ID_TOKEN_ATTRIBUTE = LoginServlet.class.getName() + ".idToken";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            // only reachable if the security constraint on /login is missing from the deployment
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Not signed in");
            return;
        }
        Set<String> roles = PortalUser.ROLES.stream().filter(request::isUserInRole).collect(Collectors.toSet());
        PortalUser user = new PortalUser(principal.getName(), OidcTokens.email(principal).orElse(null), roles);

        HttpSession session = request.getSession(true);
        session.setAttribute(PortalUser.SESSION_ATTRIBUTE, user);
        OidcTokens.idToken(principal).ifPresent(token -> session.setAttribute(ID_TOKEN_ATTRIBUTE, token));
        Object remembered = session.getAttribute(ReturnPath.SESSION_ATTRIBUTE);
        session.removeAttribute(ReturnPath.SESSION_ATTRIBUTE);

        String target = ReturnPath.local(request.getParameter("to"))
                .or(() -> ReturnPath.local(remembered instanceof String path ? path : null))
                .orElse(user.homePath());
        response.sendRedirect(target);
    }
}
