package io.safejson.examples;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Serves the one page, a classpath resource, at {@code /}; every other path is 404. A cluster node's page names
 * the node and shows the safejson column only.
 */
final class PageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String PAGE = "/static/index.html";
  private static final String BODY = "<body>";
  // Written into an HTML attribute as is, so only characters that need no escaping there.
  private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9 ._:-]{1,40}");

  private final byte[] page;

  /** The single-node page. */
  PageServlet() {
    page = resource();
  }

  /** The page of cluster node {@code node} (letters, digits, spaces and {@code ._:-}, as in "node 1"). */
  PageServlet(String node) {
    if (node == null || !NODE_NAME.matcher(node).matches()) {
      throw new IllegalArgumentException("node must match " + NODE_NAME + ": " + node);
    }
    String html = new String(resource(), StandardCharsets.UTF_8);
    if (!html.contains(BODY)) {
      throw new IllegalStateException(PAGE + " has no " + BODY + " tag");
    }
    page = html.replaceFirst(BODY, "<body data-node=\"" + node + "\">").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resource() {
    try (InputStream in = PageServlet.class.getResourceAsStream(PAGE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + PAGE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI();
    if (!"/".equals(path) && !"/index.html".equals(path)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/html;charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(page.length);
    response.getOutputStream().write(page);
  }
}
