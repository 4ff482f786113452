package org.warta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.warta.pipeline.Pipeline;
import org.warta.store.Store;

/**
 * The web UI in a real headless Chromium (Debian's chromium and chromedriver; nothing is downloaded) on a
 * store holding the demo data. Each test saves a screenshot under target/screenshots/. Without Chromium the
 * tests skip, except under -Dwarta.ci=true, where they fail.
 */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static Store store;
    static WartaServer server;
    ChromeDriver driver;

    @BeforeAll
    static void start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && Boolean.getBoolean("warta.ci")) {
            throw new AssertionError("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver; .ci/run installs them)");
        }
        assumeTrue(present, "skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)");
        // the driver is given, so Selenium Manager has nothing to find (and SE_OFFLINE=true forbids it downloading)
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Pipeline pipeline = DemoStore.pipeline();
        store = DemoStore.open(dir, pipeline);
        server = WartaServer.start(store, pipeline, DemoStore.KB, ServerConfig.loopback(0, null));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (store != null) store.close();
    }

    @BeforeEach
    void open() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1400,1100", "--lang=id");
        // a driver service per test: quit() stops it
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // record what the server's Content-Security-Policy blocks (the UI must work under it: nothing may be blocked)
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
                "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', "
                        + "e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"));
    }

    /** What the Content-Security-Policy blocked on the current page. */
    List<?> cspViolations() {
        Object v = driver.executeScript("return window.__cspViolations || [];");
        return v instanceof List<?> l ? l : List.of(String.valueOf(v));
    }

    @AfterEach
    void close(TestInfo info) throws Exception {
        if (driver == null) return;
        List<?> blocked;
        try {
            blocked = cspViolations();
        } finally {
            screenshotAndQuit(info);
        }
        assertThat(blocked).as("blocked by the Content-Security-Policy").isEmpty();
    }

    private void screenshotAndQuit(TestInfo info) throws Exception {
        try {
            Path dirOut = Path.of("target", "screenshots");
            Files.createDirectories(dirOut);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dirOut.resolve(info.getTestMethod().orElseThrow().getName() + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
        }
    }

    WebDriverWait waiting() {
        // the page re-renders its table as answers arrive: an element found a moment ago may be gone
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private static String seedTitle() throws Exception {
        return Files.readString(DemoStore.seed(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow().strip();
    }

    @Test
    void filterToTheSeedsEventsAndOpenTheRequestEvent() throws Exception {
        driver.get(server.url());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#events tbody tr[data-event]")));
        // the timeline, network and map are drawn
        waiting().until(d -> !d.findElements(By.cssSelector("#timeline canvas")).isEmpty()
                && !d.findElements(By.cssSelector("#network canvas")).isEmpty()
                && !d.findElements(By.cssSelector("#map canvas")).isEmpty());

        // filter: a word of the seed's title as text query, type REQUEST (asserted events, the default)
        String word = java.util.Arrays.stream(seedTitle().split("[^\\p{L}]+")).filter(w -> w.length() >= 5).findFirst().orElseThrow();
        driver.findElement(By.name("q")).sendKeys(word);
        waiting().until(d -> d.findElements(By.cssSelector("select[name=type] option")).size() > 1);
        new Select(driver.findElement(By.name("type"))).selectByValue("REQUEST");
        driver.findElement(By.id("apply")).click();
        List<String> ids = waiting().until(d -> {
            List<WebElement> r = d.findElements(By.cssSelector("#events tbody tr[data-event]"));
            if (r.isEmpty() || !r.stream().allMatch(x -> "REQUEST".equals(x.getAttribute("data-type")))) return null;
            return r.stream().map(x -> x.getAttribute("data-event")).toList();
        });
        assertThat(ids).isNotEmpty();
        // the seed's headline REQUEST is the one reported most often: pick it by its mentions in the API, not by position
        String id = null;
        int most = -1;
        for (String e : ids) {
            int n = JsonHolder.get(server.url() + "api/events/" + e).json.path("mentions").size();
            if (n > most) {
                most = n;
                id = e;
            }
        }
        assertThat(most).isGreaterThan(1);
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#events tbody tr[data-event='" + id + "']"))).click();

        waiting().until(ExpectedConditions.urlContains("#/event/"));
        WebElement text = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#article-text .hl-mention")));
        assertThat(text.isDisplayed()).isTrue();
        List<WebElement> mentions = driver.findElements(By.cssSelector("#article-text .hl-mention"));
        List<WebElement> triggers = driver.findElements(By.cssSelector("#article-text .hl-trigger"));
        assertThat(mentions).isNotEmpty();
        assertThat(triggers).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#article-text .hl-actor"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#article-text .hl-time"))).isNotEmpty();
        // the highlighted triggers are the event's own, as the API gives them
        JsonHolder ev = JsonHolder.get(server.url() + "api/events/" + id);
        Set<String> apiTriggers = new HashSet<>();
        ev.json.path("record").path("mentions").forEach(m -> apiTriggers.add(m.path("trigger").asText()));
        Set<String> shown = new HashSet<>();
        for (WebElement t : triggers) shown.add(t.getText());
        assertThat(shown).isEqualTo(apiTriggers);
        // the evidence panel shows each mention with the English summary beside it
        assertThat(driver.findElements(By.cssSelector("#event-side .evidence"))).hasSize(ev.json.path("record").path("mentions").size());
        assertThat(driver.findElement(By.cssSelector("#event-side .summary-en")).getText())
                .isEqualTo(ev.json.path("record").path("summary").path("en").asText());
        assertThat(driver.findElement(By.id("article-title")).getText()).isEqualTo(seedTitle());

        // the language toggle switches labels
        String back = driver.findElement(By.cssSelector("#view-event a[data-i18n=back]")).getText();
        driver.findElement(By.id("lang-toggle")).click();
        assertThat(driver.findElement(By.cssSelector("#view-event a[data-i18n=back]")).getText()).isNotEqualTo(back);
    }

    @Test
    void brushingTheTimelinePicksADateRange() throws Exception {
        driver.get(server.url());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#events tbody tr[data-event]")));
        WebElement timeline = waiting().until(d -> d.findElements(By.cssSelector("#timeline canvas")).isEmpty() ? null
                : d.findElement(By.id("timeline")));
        assertThat(driver.findElement(By.name("from")).getAttribute("value")).isEmpty();
        // drag across the whole plot, as an analyst does
        int w = timeline.getSize().getWidth();
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(timeline, -w / 2 + 45, 10).clickAndHold()
                .moveByOffset(w - 70, 0).release().perform();
        String from = waiting().until(d -> {
            String v = d.findElement(By.name("from")).getAttribute("value");
            return v.isEmpty() ? null : v;
        });
        String to = driver.findElement(By.name("to")).getAttribute("value");
        // the range is the first and last day of the stored events
        JsonHolder days = JsonHolder.get(server.url() + "api/counts?by=day");
        int n = days.json.path("counts").size();
        assertThat(from).isEqualTo(days.json.path("counts").get(0).path("key").asText());
        assertThat(to).isEqualTo(days.json.path("counts").get(n - 1).path("key").asText());
        // and the table shows the events of that range
        long inRange = JsonHolder.get(server.url() + "api/events?from=" + from + "&to=" + to).json.path("total").asLong();
        waiting().until(d -> d.findElement(By.id("total")).getText().contains(String.valueOf(inRange)));
    }

    @Test
    void pasteTheSeedAndSeeTheSameEvents() throws Exception {
        driver.get(server.url() + "#/paste");
        String seed = Files.readString(DemoStore.seed(), StandardCharsets.UTF_8);
        WebElement area = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("paste-text")));
        // set the value by script (sendKeys of a long text is slow), as a paste does
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", area, seed);
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("paste-asof")),
                DemoStore.AS_OF.toString());
        driver.findElement(By.id("paste-go")).click();
        List<WebElement> cards = waiting().until(d -> {
            List<WebElement> c = d.findElements(By.cssSelector("#paste-events .event-card"));
            return c.isEmpty() ? null : c;
        });
        List<String> shown = new ArrayList<>();
        for (WebElement c : cards) shown.add(c.getAttribute("data-type"));
        // the same events as the stored seed (all modalities)
        List<String> stored = new ArrayList<>();
        JsonHolder.get(server.url() + "api/events?modality=all&limit=500").json.path("events")
                .forEach(e -> stored.add(e.path("event").asText()));
        assertThat(shown).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(driver.findElements(By.cssSelector("#paste-doc .hl-mention"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#paste-doc .hl-trigger"))).isNotEmpty();
        // picking one event narrows the highlights to its mentions
        int all = driver.findElements(By.cssSelector("#paste-doc .hl-trigger")).size();
        cards.get(0).click();
        assertThat(driver.findElements(By.cssSelector("#paste-doc .hl-trigger")).size()).isLessThanOrEqualTo(all).isPositive();
    }

    @Test
    void theContentSecurityPolicyIsEnforcedAndTheUiNeedsNoExceptions() throws Exception {
        driver.get(server.url());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#events tbody tr[data-event]")));
        WebElement timeline = waiting().until(d -> d.findElements(By.cssSelector("#timeline canvas")).isEmpty() ? null : d.findElement(By.id("timeline")));
        // a chart tooltip (ECharts writes it with inline styles)
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(timeline, 0, 20).perform();
        Thread.sleep(300);
        assertThat(cspViolations()).as("the UI, its charts and tooltips").isEmpty();
        // an injected inline script does not run, and the browser says why
        Object ran = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; const s = document.createElement('script'); s.textContent = 'window.__injected = 1';"
                        + "document.head.appendChild(s); setTimeout(() => done(window.__injected === 1), 200);");
        assertThat(ran).isEqualTo(Boolean.FALSE);
        List<?> blocked = cspViolations();
        assertThat(blocked).hasSize(1);
        assertThat(String.valueOf(blocked.get(0))).startsWith("script-src");
        driver.executeScript("window.__cspViolations = [];");
    }

    /** A JSON answer of the API, read with the JDK client. */
    record JsonHolder(com.fasterxml.jackson.databind.JsonNode json) {
        static JsonHolder get(String url) throws Exception {
            var res = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(200);
            return new JsonHolder(org.warta.io.Json.MAPPER.readTree(res.body()));
        }
    }
}
