package dev.marketplace.ui.finance;

import dev.marketplace.billing.settlements.Statement;
import dev.marketplace.billing.settlements.StatementLine;
import dev.marketplace.onboarding.finance.FinanceDesk;
import dev.marketplace.ui.shell.Formats;
import dev.marketplace.ui.shell.PortalUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /export/statements/{id}.csv} and {@code /export/statements/{id}.html} (a printable page): a settlement
 * statement for finance (any statement) or for a member of the statement's provider (its own only; another
 * provider's statement answers 404, as if it did not exist). Authenticated by the portal session.
 */
@WebServlet(urlPatterns = StatementExportServlet.PATH + "*")
public class StatementExportServlet extends HttpServlet {

    static final String PATH = "/export/statements/";
    private static final Pattern FILE = Pattern.compile("([0-9]{1,18})\\.(csv|html)");

    @Inject
    FinanceDesk desk;

    static String href(long statementId, String format) {
        return PATH + statementId + "." + format;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        PortalUser user = session != null && session.getAttribute(PortalUser.SESSION_ATTRIBUTE) instanceof PortalUser u
                ? u : null;
        if (user == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in to the portal first");
            return;
        }
        Matcher m = FILE.matcher(request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1));
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such statement file");
            return;
        }
        long id = Long.parseLong(m.group(1));
        Optional<Statement> statement = user.hasRole(PortalUser.FINANCE) ? desk.statement(id)
                : user.hasRole(PortalUser.PROVIDER) ? desk.ownStatement(user.username(), id) : Optional.empty();
        if (statement.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such statement");
            return;
        }
        List<StatementLine> lines = desk.lines(id);
        response.setHeader("Cache-Control", "no-store");
        if ("csv".equals(m.group(2))) {
            response.setContentType("text/csv; charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"statement-" + id + ".csv\"");
            PrintWriter out = response.getWriter();
            out.print(StatementTexts.CSV_HEADER + "\r\n");
            for (String row : StatementTexts.csvRows(statement.get(), lines)) {
                out.print(row + "\r\n");
            }
            out.flush();
            return;
        }
        response.setContentType("text/html; charset=UTF-8");
        response.getWriter().print(printable(statement.get(), lines));
    }

    static String printable(Statement s, List<StatementLine> lines) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + "Statement " + s.id() + "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:"
                + "collapse}td,th{border:1px solid #999;padding:4px 8px;text-align:right}td:nth-child(-n+3),"
                + "th:nth-child(-n+3){text-align:left}@media print{a{display:none}}</style></head><body>");
        html.append("<h1>Settlement statement #").append(s.id()).append("</h1><p id=\"summary\">")
                .append(escape(StatementTexts.summary(s))).append("</p><p>Status: ").append(s.status().columnValue())
                .append("</p><table id=\"lines\"><thead><tr><th>Kind</th><th>Day (UTC)</th><th>Model / reason</th>"
                        + "<th>Requests</th><th>Tokens in</th><th>Tokens out</th><th>Gross</th><th>Fee</th><th>Net</th>"
                        + "</tr></thead><tbody>");
        for (StatementLine l : lines) {
            html.append("<tr><td>").append(l.kind().name().toLowerCase(java.util.Locale.ROOT)).append("</td><td>")
                    .append(l.day()).append("</td><td>").append(escape(l.reason() == null ? l.model() : l.reason()))
                    .append("</td><td>").append(l.requests()).append("</td><td>").append(l.promptTokens())
                    .append("</td><td>").append(l.completionTokens()).append("</td><td>")
                    .append(Formats.usd(l.grossMicros())).append("</td><td>").append(Formats.usd(l.feeMicros()))
                    .append("</td><td>").append(Formats.usd(l.netMicros())).append("</td></tr>");
        }
        return html.append("</tbody></table><p><a href=\"javascript:window.print()\">Print</a></p></body></html>")
                .toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
