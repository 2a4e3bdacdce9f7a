package dev.marketplace.ui.developer;

import dev.marketplace.activity.application.ActivityQueries;
import dev.marketplace.activity.application.GenerationFilter;
import dev.marketplace.developers.application.DeveloperAccounts;
import dev.marketplace.ui.shell.PortalUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code GET /export/generations.csv?from=YYYY-MM-DD&to=YYYY-MM-DD[&model=…][&key=…][&status=…]}: the signed-in
 * developer's generations that the activity page's filter selects, as CSV, streamed row by row from a database cursor.
 * Authenticated by the portal session (the user the login servlet stored); only the developer's own rows.
 */
@WebServlet(urlPatterns = GenerationExportServlet.PATH)
public class GenerationExportServlet extends HttpServlet {
    static final String PATH = "/export/generations.csv";

    @Inject
    DeveloperAccounts accounts;
    @Inject
    ActivityQueries activity;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Optional<PortalUser> user = session != null && session.getAttribute(PortalUser.SESSION_ATTRIBUTE) instanceof PortalUser u
                ? Optional.of(u) : Optional.empty();
        if (user.isEmpty()) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in to the portal first");
            return;
        }
        if (!user.get().hasRole(PortalUser.DEVELOPER)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Only developers have generations to export");
            return;
        }
        GenerationFilter filter;
        try {
            filter = filter(request);
        } catch (IllegalArgumentException | DateTimeParseException bad) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, bad.getMessage());
            return;
        }
        long developerId = accounts.ensure(user.get().username(), user.get().email());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + GenerationCsv.fileName(filter) + "\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        GenerationCsv csv = new GenerationCsv(out);
        csv.header();
        activity.each(developerId, filter, csv::row);
        out.flush();
    }

    /** The export's address for a filter, as the activity page links to it. */
    static String href(GenerationFilter f) {
        StringBuilder url = new StringBuilder(PATH).append("?from=").append(f.from()).append("&to=").append(f.to());
        if (f.model() != null) {
            url.append("&model=").append(URLEncoder.encode(f.model(), StandardCharsets.UTF_8));
        }
        if (f.keyId() != null) {
            url.append("&key=").append(f.keyId());
        }
        if (f.status() != null) {
            url.append("&status=").append(f.status());
        }
        return url.toString();
    }

    static GenerationFilter filter(HttpServletRequest request) {
        String key = request.getParameter("key");
        Long keyId;
        try {
            keyId = key == null || key.isBlank() ? null : Long.valueOf(key);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("key must be a key id");
        }
        return new GenerationFilter(date(request, "from"), date(request, "to"), request.getParameter("model"), keyId,
                request.getParameter("status"));
    }

    private static LocalDate date(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required (YYYY-MM-DD)");
        }
        return LocalDate.parse(value);
    }
}
