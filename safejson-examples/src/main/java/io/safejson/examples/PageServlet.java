package io.safejson.examples;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the one page, a classpath resource, at {@code /}; every other path is 404. */
final class PageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String PAGE = "/static/index.html";

  private final byte[] page;

  PageServlet() {
    try (InputStream in = PageServlet.class.getResourceAsStream(PAGE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + PAGE);
      }
      page = in.readAllBytes();
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
