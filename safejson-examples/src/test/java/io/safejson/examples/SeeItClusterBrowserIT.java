package io.safejson.examples;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Runs the demo across two nodes in-process (a real {@code nats-server}, the agent worker, two Jetty nodes on
 * free ports), opens one headless Chromium window per node, presses Send once on node 1, and checks that both
 * pages show the five events the worker published, exactly, and that the server log shows them.
 */
final class SeeItClusterBrowserIT {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Path SCREENSHOT = Path.of("target", "see-it-cluster.png");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper READER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  // Held strongly: java.util.logging forgets the level of a logger nobody references.
  private static final java.util.logging.Logger CDP_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

  @TempDir static Path profile;

  private static LogCapture logs;
  private static SeeItCluster cluster;
  private static WebDriver browser;
  // Node name -> the window showing its page.
  private static final Map<String, String> windows = new LinkedHashMap<>();
  // Node name -> the events its page shows.
  private static final Map<String, List<Map<String, String>>> pages = new LinkedHashMap<>();
  private static final Map<String, String> headings = new LinkedHashMap<>();
  private static final Map<String, Boolean> plainColumnShown = new LinkedHashMap<>();

  @BeforeAll
  static void runTheClusterInChromium() throws Exception {
    assertTrue(
        new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "the browser test needs Debian's Chromium: " + CHROMIUM + " and " + CHROMEDRIVER + " are missing;"
            + " install them with: apt-get install -y chromium chromium-driver (.ci/run does)");
    assertTrue(
        NatsServerProcess.find().isPresent(),
        "the cluster test needs a nats-server: " + NatsServerProcess.INSTALL_HINT);
    logs = LogCapture.start();
    cluster = SeeItCluster.start("127.0.0.1", 0, 0, Duration.ofMillis(20), null);
    browser = chromium();
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    for (ClusterNode node : cluster.nodes()) {
      if (!windows.isEmpty()) {
        browser.switchTo().newWindow(WindowType.WINDOW);
      }
      windows.put(node.name(), browser.getWindowHandle());
      browser.get(node.url().toString());
      wait.until(page -> "open".equals(page.findElement(By.tagName("body")).getAttribute("data-socket")));
    }

    // One Send, on node 1 only: node 2's page gets the run because both nodes relay what the worker publishes.
    browser.switchTo().window(windows.get("node 1"));
    browser.findElement(By.id("send")).click();
    for (Map.Entry<String, String> window : windows.entrySet()) {
      browser.switchTo().window(window.getValue());
      wait.until(page -> safejsonColumn().size() >= AgentRun.TYPES.size());
      pages.put(window.getKey(), safejsonColumn());
      headings.put(window.getKey(), browser.findElement(By.tagName("h1")).getText());
      plainColumnShown.put(window.getKey(), browser.findElement(By.id("plain")).isDisplayed());
    }

    Files.createDirectories(SCREENSHOT.getParent());
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (logs != null) {
      logs.close();
    }
  }

  @Test
  void bothPagesShowTheFiveEventsTheWorkerPublishedWithTheExactValues() {
    List<AgentEvent> published = cluster.worker().published();
    assertEquals(AgentRun.TYPES, published.stream().map(AgentEvent::type).toList());
    assertEquals(List.of("node 1", "node 2"), List.copyOf(pages.keySet()));
    for (Map.Entry<String, List<Map<String, String>>> page : pages.entrySet()) {
      List<Map<String, String>> shown = page.getValue();
      assertEquals(published.size(), shown.size(), page.getKey() + " shows: " + shown);
      for (int i = 0; i < published.size(); i++) {
        AgentEvent event = published.get(i);
        Map<String, String> row = shown.get(i);
        String where = page.getKey() + ", " + event.type() + ": " + row;
        assertEquals(event.type(), row.get("type"), where);
        assertEquals(event.eventId().toString(), row.get("eventId"), where);
        assertEquals(event.timestamp(), Instant.parse(row.get("timestamp")), where);
        assertEquals(Long.toString(event.timestamp().toEpochMilli()), row.get("epochMs"), where);
        assertEquals(event.state().name(), row.get("state"), where);
        assertEquals(event.cost().toPlainString(), row.get("cost"), where);
        assertEquals("9007199254740993", row.get("id"), where);
        assertEquals(Long.toString(event.requestId()), row.get("id"), where);
        assertEquals(event.attachment().toString(), row.get("attachment"), where);
        String incident = "tool_completed".equals(event.type()) ? "$.detail.preview [FAILED]" : "";
        assertEquals(incident, row.get("incident"), where);
      }
      assertEquals("0.0150", shown.get(4).get("cost"), page.getKey());
      assertEquals("CONNECTED", shown.get(0).get("state"), page.getKey());
      assertEquals("IDLE", shown.get(4).get("state"), page.getKey());
    }
  }

  @Test
  void eachNodeRelaysTheSameJsonTheWorkerPublished() {
    List<String> published = cluster.worker().published().stream().map(Frames.SAFE::toJson).toList();
    assertEquals(AgentRun.TYPES.size(), published.size());
    assertTrue(published.get(3).contains("\"preview\":\"[FAILED]\""), published.get(3));
    for (ClusterNode node : cluster.nodes()) {
      assertEquals(published, node.relayed().stream().map(Frames.SAFE::toJson).toList(), node.name());
    }
  }

  @Test
  void eachPageNamesItsNodeAndShowsTheSafejsonColumnOnly() {
    for (String node : List.of("node 1", "node 2")) {
      assertTrue(headings.get(node).endsWith("on " + node + " of the cluster"), headings.get(node));
      assertFalse(plainColumnShown.get(node), node + " hides the plain Jackson column");
    }
  }

  @Test
  void theServerLogShowsEachEventPublishedOnceAndRelayedByEachNodeThroughSafeJsonEncoder() throws Exception {
    List<String> lines = logs.lines();
    List<JsonNode> publishedLines = new ArrayList<>();
    Map<String, List<JsonNode>> relayedLines = new LinkedHashMap<>();
    List<JsonNode> warnings = new ArrayList<>();
    for (String line : lines) {
      assertValidJson(line);
      JsonNode node = READER.readTree(line);
      switch (node.path("msg").asText()) {
        case "agent event published" -> publishedLines.add(node.path("kv"));
        case "agent event relayed" ->
            relayedLines.computeIfAbsent(node.path("kv").path("node").asText(), name -> new ArrayList<>())
                .add(node.path("kv"));
        default -> {
          if ("WARN".equals(node.path("level").asText())) {
            warnings.add(node);
          }
        }
      }
    }
    String all = String.join("\n", lines);
    List<AgentEvent> published = cluster.worker().published();
    assertLogged(published, publishedLines, "worker: " + all);
    // The two nodes log concurrently: which one logs first is up to the scheduler.
    assertEquals(Set.of("node 1", "node 2"), relayedLines.keySet(), all);
    for (Map.Entry<String, List<JsonNode>> node : relayedLines.entrySet()) {
      assertLogged(published, node.getValue(), node.getKey() + ": " + all);
    }
    assertTrue(
        warnings.stream().anyMatch(line -> isFailedPreview(line, "safejson replaced a value")),
        "the worker logs the getter that threw: " + warnings);
    for (String node : List.of("node 1", "node 2")) {
      assertTrue(
          warnings.stream()
              .anyMatch(
                  line ->
                      isFailedPreview(line, "the publisher replaced a value")
                          && node.equals(line.path("kv").path("node").asText())),
          node + " logs the incident that came in the message's header: " + warnings);
    }
  }

  private static void assertLogged(List<AgentEvent> events, List<JsonNode> lines, String context) {
    assertEquals(events.size(), lines.size(), context);
    for (int i = 0; i < events.size(); i++) {
      AgentEvent event = events.get(i);
      JsonNode kv = lines.get(i);
      String where = event.type() + ": " + kv;
      assertEquals(event.type(), kv.path("event_type").asText(), where);
      assertEquals(event.eventId().toString(), kv.path("event_id").asText(), where);
      assertEquals(event.timestamp(), Instant.parse(kv.path("event_timestamp").asText()), where);
      assertEquals(event.state().name(), kv.path("state").asText(), where);
      assertEquals(event.cost().toPlainString(), kv.path("cost").asText(), where);
      assertEquals(event.attachment().toString(), kv.path("attachment").asText(), where);
      assertEquals("9007199254740993", kv.path("request_id").asText(), where);
    }
    assertEquals("[FAILED]", lines.get(3).path("detail").path("preview").asText(), context);
  }

  private static boolean isFailedPreview(JsonNode line, String message) {
    return message.equals(line.path("msg").asText())
        && "FAILED".equals(line.path("kv").path("kind").asText())
        && "$.detail.preview".equals(line.path("kv").path("path").asText());
  }

  private static ChromeDriver chromium() {
    // Selenium 4.49 knows CDP up to a version older than Debian's Chromium; this test does not use CDP.
    CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
    // Debian's driver and browser, named explicitly, so Selenium Manager never looks for (or downloads) any.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-background-timer-throttling",
        "--disable-backgrounding-occluded-windows",
        "--disable-renderer-backgrounding",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1100,620",
        "--user-data-dir=" + profile.resolve("chromium"));
    return new ChromeDriver(service, options);
  }

  /** Reads the safejson column of the current window as the page shows it: data attributes and child texts. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> safejsonColumn() {
    Object rows =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return [...document.querySelectorAll('#safejson li.event')].map(li => {"
                    + "  const row = Object.assign({ class: li.className }, li.dataset);"
                    + "  for (const child of li.children) { row[child.className] = child.textContent; }"
                    + "  return row;"
                    + "});");
    return (List<Map<String, String>>) rows;
  }
}
