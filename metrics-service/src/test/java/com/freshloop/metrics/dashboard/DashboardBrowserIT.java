package com.freshloop.metrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.freshloop.metrics.Fixtures;
import com.freshloop.metrics.eventstore.EventStore;
import com.freshloop.testing.ClickHouseInfrastructure;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.TestTokens;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.util.FileSystemUtils;

/**
 * The dashboard in a real browser: Debian's headless Chromium through {@code /usr/bin/chromedriver},
 * against the service on a random port with a quarter of synthetic events (Q1 2025) in a real
 * ClickHouse. Saves {@code target/dashboard.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({KafkaInfrastructure.class, ClickHouseInfrastructure.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> CHARTS = List.of(
            "repurchase-chart",
            "redemption-chart",
            "segments-chart",
            "attribution-chart",
            "recall-chart",
            "forecast-chart",
            "push-chart");

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    WebDriver browser;
    Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed: apt-get install -y chromium chromium-driver (Debian) provides"
                        + " /usr/bin/chromium and /usr/bin/chromedriver");
        quarterOfEvents();
        profile = Files.createTempDirectory("dashboard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,2150",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    @Test
    void drawsEveryChartWithTheOperatorsToken() throws IOException {
        String token = TestTokens.operator("dashboard-ops");
        browser.get("http://localhost:" + port + "/dashboard?from=2025-01-01&to=2025-04-01&grain=week");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("load")).click();

        awaitLoaded();
        // saved before the assertions, so that a failure can be looked at too
        File screenshot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(screenshot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);

        assertThat(Files.size(target)).isGreaterThan(10_000);
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/index.html?from=2025-01-01&to=2025-04-01&grain=week");
        String status = browser.findElement(By.id("status")).getText();
        assertThat(status).as(status).startsWith("Loaded");
        for (String chart : CHARTS) {
            var element = browser.findElement(By.id(chart));
            assertThat(element.getDomAttribute("data-state")).as(chart).isEqualTo("ready");
            assertThat(Integer.parseInt(element.getDomAttribute("data-points")))
                    .as(chart)
                    .isPositive();
            assertThat(element.findElements(By.cssSelector("svg .point, svg .bar")))
                    .as(chart)
                    .isNotEmpty();
        }
        assertThat(browser.findElement(By.id("attribution-organic")).getText()).contains("repurchases");
        assertThat(browser.findElement(By.id("forecast-note")).getText()).contains("forecast");
        assertThat(((JavascriptExecutor) browser)
                        .executeScript("return sessionStorage.getItem('freshloop.operatorToken')"))
                .as("the token stays in this tab's session storage")
                .isEqualTo(token);
    }

    @Test
    void tellsTheOperatorWhenTheTokenIsRejected() {
        browser.get("http://localhost:" + port + "/dashboard/index.html?from=2025-01-01&to=2025-04-01");
        var field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(TestTokens.shopper("not-an-operator"));
        browser.findElement(By.id("load")).click();

        awaitLoaded();

        assertThat(browser.findElement(By.id("status")).getText()).contains("403");
        browser.findElement(By.id("forget")).click();
        assertThat(((JavascriptExecutor) browser)
                        .executeScript("return sessionStorage.getItem('freshloop.operatorToken')"))
                .isNull();
    }

    private void awaitLoaded() {
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    /** Q1 2025 of a small shop: orders and repurchases, coupons, pushes, a campaign with control, forecasts. */
    private void quarterOfEvents() {
        SplittableRandom random = new SplittableRandom(2025);
        Fixtures f = new Fixtures();
        String[] regions = {"east", "west", "north"};
        String[] segments = {"Champions", "Loyal", "Potential", "At risk", "Hibernating"};
        String[] campaigns = {"winback-jan", "spring-fresh", "member-day"};
        LocalDate start = LocalDate.parse("2025-01-01");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        for (int u = 0; u < 120; u++) {
            String user = "dash-" + suffix + "-" + u;
            String region = regions[u % regions.length];
            f.segment(user, "2024-12-15T00:00:00Z", segments[random.nextInt(segments.length)]);
            LocalDate day = start.plusDays(random.nextInt(85));
            int orders = 1 + random.nextInt(4);
            for (int o = 0; o < orders && day.isBefore(LocalDate.parse("2025-04-01")); o++) {
                f.order(
                        user,
                        day + "T%02d:15:00Z".formatted(8 + random.nextInt(12)),
                        20 + random.nextInt(80),
                        region,
                        List.of(Fixtures.line("egg", 1 + random.nextInt(3)), Fixtures.line("milk", 1)));
                if (random.nextInt(3) == 0) {
                    f.couponIssued(
                            user,
                            day.minusDays(2) + "T09:00:00Z",
                            "dc-" + suffix + "-" + u + "-" + o,
                            campaigns[random.nextInt(3)],
                            "no_threshold");
                }
                if (random.nextInt(2) == 0) {
                    String message = "dm-" + suffix + "-" + u + "-" + o;
                    f.messageSent(user, day.minusDays(1) + "T20:00:00Z", message, "app_push", campaigns[0]);
                    if (random.nextInt(3) != 0) {
                        f.messageOpened(user, day.minusDays(1) + "T20:30:00Z", message);
                    }
                }
                if (random.nextInt(4) == 0) {
                    f.clicked(user, day.minusDays(1) + "T12:00:00Z", "home-ranker", "a");
                }
                if (random.nextInt(5) == 0) {
                    f.pointsCredited(user, day.minusDays(1) + "T07:00:00Z", "checkin");
                }
                day = day.plusDays(3 + random.nextInt(20));
            }
        }
        for (int i = 0; i < 200; i++) {
            String coupon = "dc-" + suffix + "-extra-" + i;
            String user = "dash-" + suffix + "-" + (i % 120);
            String campaign = campaigns[i % 3];
            String day = start.plusDays(random.nextInt(80)).toString();
            f.couponIssued(user, day + "T10:00:00Z", coupon, campaign, "spend_save");
            if (random.nextInt(10) < 3 + 2 * (i % 3)) {
                f.couponRedeemed(user, day + "T18:00:00Z", coupon, campaign);
            }
        }
        for (int i = 0; i < 400; i++) {
            // pushes that were not followed by an order
            String message = "dm-" + suffix + "-quiet-" + i;
            String day = start.plusDays(random.nextInt(90)).toString();
            String user = "dash-" + suffix + "-quiet-" + (i % 150);
            f.messageSent(user, day + "T20:00:00Z", message, "app_push", campaigns[1]);
            if (random.nextInt(4) == 0) {
                f.messageOpened(user, day + "T21:00:00Z", message);
            }
        }
        for (int i = 0; i < 60; i++) {
            String user = "dash-" + suffix + "-recall-" + i;
            boolean control = i % 4 == 0;
            f.campaignAssigned(user, "2025-02-01T00:00:00Z", "winback-feb", control ? "control" : "treatment");
            if (random.nextInt(10) < (control ? 2 : 5)) {
                f.order(user, "2025-02-0" + (2 + random.nextInt(7)) + "T12:00:00Z", 45, "east");
            }
        }
        for (int d = 0; d < 90; d++) {
            LocalDate day = start.plusDays(d);
            for (String region : regions) {
                String publishedAt = day.minusDays(1) + "T02:00:00Z";
                f.forecast("egg", region, day.toString(), 2.4 + Math.sin(d / 7.0) + random.nextDouble(), publishedAt);
                f.forecast("milk", region, day.toString(), 1.2 + random.nextDouble() / 2, publishedAt);
            }
        }
        f.storeIn(store);
    }
}
