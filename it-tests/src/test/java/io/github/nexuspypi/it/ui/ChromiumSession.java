package io.github.nexuspypi.it.ui;

import io.github.nexuspypi.it.files.FileTrees;
import io.github.nexuspypi.it.nexus.BuildOutputs;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A fresh headless chromium for each test of the class that registers this ({@code @RegisterExtension}), watched for
 * problems from its first page on. Each test works in {@code target/it-work/ui/<class>-<test>/} (the browser's
 * profile, chromedriver's log); when it fails, a screenshot, the page's source and the browser's problems are left
 * there too.
 */
public final class ChromiumSession
    implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler
{
  private Path workDir;

  private ChromeDriver driver;

  private BrowserProblems problems;

  public WebDriver driver() {
    return driver;
  }

  /** What went wrong in the browser since the test started. */
  public List<BrowserProblem> problems() {
    return problems.all();
  }

  @Override
  public void beforeEach(final ExtensionContext context) {
    workDir = FileTrees.fresh(BuildOutputs.fromSystemProperty().buildDir().resolve("it-work").resolve("ui")
        .resolve(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()));
    driver = HeadlessChromium.start(workDir.resolve("profile"), workDir.resolve("chromedriver.log"));
    problems = BrowserProblems.watch(driver);
  }

  @Override
  public void handleTestExecutionException(final ExtensionContext context, final Throwable failure)
      throws Throwable
  {
    try {
      Files.write(workDir.resolve("screenshot.png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(workDir.resolve("page.html"), driver.getPageSource());
      Files.writeString(workDir.resolve("browser-problems.txt"), "at " + driver.getCurrentUrl() + "\n"
          + problems.all().stream().map(BrowserProblem::toString).collect(Collectors.joining("\n", "", "\n")));
      System.err.println("The browser's state at the failure is in " + workDir);
    }
    catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
    throw failure;
  }

  @Override
  public void afterEach(final ExtensionContext context) {
    try {
      if (problems != null) {
        problems.close();
      }
    }
    finally {
      if (driver != null) {
        driver.quit();
      }
    }
  }
}
