package io.github.nexuspypi.it.ui;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Debian's chromium driven through Debian's chromedriver (packages {@code chromium} and {@code chromium-driver}),
 * headless, with a profile of its own and nothing that reaches the network on its own.
 */
final class HeadlessChromium
{
  static final Path BROWSER = Path.of("/usr/bin/chromium");

  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * Selenium looks for a CDP client matching the browser's version and warns when there is none; there is none on
   * purpose: the tests listen through WebDriver BiDi, which does not depend on the browser's version. Kept in a
   * field because java.util.logging holds its loggers weakly.
   */
  private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(60);

  private HeadlessChromium() {
  }

  /** A new browser whose profile is {@code profile} and whose chromedriver logs to {@code driverLog}. */
  static ChromeDriver start(final Path profile, final Path driverLog) {
    for (Path executable : new Path[]{BROWSER, DRIVER}) {
      if (!Files.isExecutable(executable)) {
        throw new IllegalStateException(executable + " is missing: install the Debian packages chromium and "
            + "chromium-driver (./nexus-pypi-test does when it runs as root)");
      }
    }
    CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    // A driver executable given to the service is used as it is: Selenium Manager, which would download a
    // browser and a driver, is never run.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(driverLog.toFile())
        .build();
    ChromeOptions options = new ChromeOptions()
        .setBinary(BROWSER.toFile())
        .addArguments(
            "--headless",
            // Root in a container has no user namespace for the sandbox.
            "--no-sandbox",
            "--disable-gpu",
            // Docker's 64 MiB /dev/shm is too small for a page as big as Nexus's UI.
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--user-data-dir=" + profile,
            // Wide enough for the admin UI's forms to lay out as on a desktop.
            "--window-size=1400,1000")
        .enableBiDi();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_TIMEOUT);
    return driver;
  }
}
