package io.safejson.examples;

import static io.safejson.testing.SafeJsonAssertions.assertValidJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives Debian's headless Chromium through the demo: one chat message with the safejson column, then the
 * plain Jackson switch, and checks what the browser shows and what the server logged against what it sent.
 */
final class SeeItBrowserIT {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Path SCREENSHOT = Path.of("target", "see-it.png");
  private static final ObjectMapper READER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  // Held strongly: java.util.logging forgets the level of a logger nobody references.
  private static final java.util.logging.Logger CDP_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

  @TempDir static Path profile;

  private static LogCapture logs;
  private static SeeItServer server;
  private static WebDriver browser;
  private static List<Map<String, String>> safeColumn;
  private static List<Map<String, String>> plainColumn;

  @BeforeAll
  static void runTheDemoInChromium() throws Exception {
    assertTrue(
        new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "the browser test needs Debian's Chromium: " + CHROMIUM + " and " + CHROMEDRIVER + " are missing;"
            + " install them with: apt-get install -y chromium chromium-driver (.ci/run does)");
    logs = LogCapture.start();
    server = SeeItServer.start("127.0.0.1", 0, Duration.ofMillis(20));
    browser = chromium();
    browser.get(server.url().toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(page -> "open".equals(page.findElement(By.tagName("body")).getAttribute("data-socket")));

    browser.findElement(By.id("send")).click();
    wait.until(page -> column("safejson").size() == AgentRun.TYPES.size());
    browser.findElement(By.id("compare")).click();
    wait.until(page -> column("plain").size() == AgentRun.TYPES.size());
    safeColumn = column("safejson");
    plainColumn = column("plain");

    Files.createDirectories(SCREENSHOT.getParent());
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (logs != null) {
      logs.close();
    }
  }

  @Test
  void theSafejsonColumnShowsTheFiveEventsInOrderWithTheExactValuesSent() {
    List<SentFrame> sent = sent("safejson");
    assertEquals(AgentRun.TYPES, sent.stream().map(frame -> frame.event().type()).toList());
    assertEquals(sent.size(), safeColumn.size(), "events on the page: " + safeColumn);
    for (int i = 0; i < sent.size(); i++) {
      AgentEvent event = sent.get(i).event();
      Map<String, String> shown = safeColumn.get(i);
      String where = event.type() + ": " + shown;
      assertEquals(event.type(), shown.get("type"), where);
      assertEquals(event.eventId().toString(), shown.get("eventId"), where);
      assertEquals(event.timestamp(), Instant.parse(shown.get("timestamp")), where);
      assertEquals(Long.toString(event.timestamp().toEpochMilli()), shown.get("epochMs"), where);
      assertEquals(event.state().name(), shown.get("state"), where);
      assertEquals(event.cost().toPlainString(), shown.get("cost"), where);
      assertEquals("9007199254740993", shown.get("id"), where);
      assertEquals(Long.toString(event.requestId()), shown.get("id"), where);
      assertEquals(event.attachment().toString(), shown.get("attachment"), where);
      String incident = "tool_completed".equals(event.type()) ? "$.detail.preview [FAILED]" : "";
      assertEquals(incident, shown.get("incident"), where);
    }
    assertEquals("0.0150", safeColumn.get(4).get("cost"));
  }

  @Test
  void thePlainJacksonColumnShowsTheSameEventsCorruptedAndLosesTheHostileOne() {
    List<SentFrame> sent = sent("plain");
    assertEquals(AgentRun.TYPES, sent.stream().map(frame -> frame.event().type()).toList());
    assertEquals(sent("safejson").stream().map(SentFrame::event).toList(), sent.stream().map(SentFrame::event).toList());
    assertEquals(sent.size(), plainColumn.size(), "events on the page: " + plainColumn);
    for (int i = 0; i < sent.size(); i++) {
      SentFrame frame = sent.get(i);
      AgentEvent event = frame.event();
      Map<String, String> shown = plainColumn.get(i);
      String where = event.type() + ": " + shown;
      assertEquals(event.type(), shown.get("type"), where);
      if (!frame.delivered()) {
        assertEquals("tool_completed", event.type());
        assertTrue(shown.get("class").contains("error"), where);
        assertTrue(shown.get("message").startsWith("event lost"), where);
        continue;
      }
      assertEquals(event.eventId().toString(), shown.get("eventId"), where);
      assertFalse(shown.get("timestamp").contains("T"), "a number, not ISO-8601: " + where);
      assertNotEquals(Long.toString(event.timestamp().toEpochMilli()), shown.get("epochMs"), where);
      assertEquals("9007199254740992", shown.get("id"), "2^53 + 1 rounded by JavaScript: " + where);
      assertEquals("file://" + event.attachment(), shown.get("attachment"), where);
      assertEquals(event.cost().stripTrailingZeros().toPlainString(), shown.get("cost"), where);
    }
    assertTrue(sent.stream().filter(frame -> !frame.delivered()).count() == 1, "one event lost: " + sent);
  }

  @Test
  void everyServerLogLineIsValidJsonWithTheSameValuesAsTheFrames() throws Exception {
    List<String> lines = logs.lines();
    List<JsonNode> events = new ArrayList<>();
    List<JsonNode> warnings = new ArrayList<>();
    for (String line : lines) {
      assertValidJson(line);
      JsonNode node = READER.readTree(line);
      if ("agent event sent".equals(node.path("msg").asText())) {
        events.add(node.path("kv"));
      } else if ("WARN".equals(node.path("level").asText())) {
        warnings.add(node);
      }
    }
    List<SentFrame> sent = sent("safejson");
    assertEquals(sent.size(), events.size(), String.join("\n", lines));
    for (int i = 0; i < sent.size(); i++) {
      AgentEvent event = sent.get(i).event();
      JsonNode kv = events.get(i);
      String where = event.type() + ": " + kv;
      assertEquals(event.type(), kv.path("event_type").asText(), where);
      assertEquals(event.eventId().toString(), kv.path("event_id").asText(), where);
      assertEquals(event.timestamp(), Instant.parse(kv.path("event_timestamp").asText()), where);
      assertEquals(event.state().name(), kv.path("state").asText(), where);
      assertEquals("0.0150".length(), kv.path("cost").asText().length(), where);
      assertEquals(event.cost().toPlainString(), kv.path("cost").asText(), where);
      assertEquals(event.attachment().toString(), kv.path("attachment").asText(), where);
      assertEquals(Long.toString(event.requestId()), kv.path("request_id").asText(), where);
    }
    AgentEvent hostile = sent.get(3).event();
    assertTrue(
        warnings.stream()
            .anyMatch(
                line ->
                    "plain Jackson failed: the event is lost".equals(line.path("msg").asText())
                        && hostile.eventId().toString().equals(line.path("kv").path("event_id").asText())),
        "the lost plain event is logged with its id: " + warnings);
    assertTrue(
        warnings.stream()
            .anyMatch(
                line ->
                    "safejson replaced a value".equals(line.path("msg").asText())
                        && "FAILED".equals(line.path("kv").path("kind").asText())),
        "the safejson incident is logged: " + warnings);
  }

  private static List<SentFrame> sent(String via) {
    return server.sent().stream().filter(frame -> frame.via().equals(via)).toList();
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
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1500,620",
        "--user-data-dir=" + profile.resolve("chromium"));
    return new ChromeDriver(service, options);
  }

  /** Reads one column's items as the page shows them: data attributes and the text of each child. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> column(String id) {
    Object rows =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return [...document.querySelectorAll('#' + arguments[0] + ' li.event')].map(li => {"
                    + "  const row = Object.assign({ class: li.className }, li.dataset);"
                    + "  for (const child of li.children) { row[child.className] = child.textContent; }"
                    + "  return row;"
                    + "});",
                id);
    return (List<Map<String, String>>) rows;
  }
}
