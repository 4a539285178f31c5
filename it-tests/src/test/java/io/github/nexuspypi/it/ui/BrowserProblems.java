package io.github.nexuspypi.it.ui;

import io.github.nexuspypi.it.ui.BrowserProblem.Kind;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.bidi.log.BaseLogEntry;
import org.openqa.selenium.bidi.log.LogLevel;
import org.openqa.selenium.bidi.log.StackFrame;
import org.openqa.selenium.bidi.module.LogInspector;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.bidi.network.BaseParameters;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects, through WebDriver BiDi, what goes wrong in every page of a browser from the moment it is watched:
 * uncaught exceptions, console errors and failed requests. Warnings and other console output are not problems.
 */
final class BrowserProblems
    implements AutoCloseable
{
  private final List<BrowserProblem> problems = new CopyOnWriteArrayList<>();

  private final LogInspector logs;

  private final Network network;

  private BrowserProblems(final WebDriver driver) {
    logs = new LogInspector(driver);
    network = new Network(driver);
  }

  /** Watches {@code driver}, which must have been started with BiDi enabled, before it opens any page. */
  static BrowserProblems watch(final WebDriver driver) {
    BrowserProblems watcher = new BrowserProblems(driver);
    watcher.logs.onJavaScriptException(
        entry -> watcher.problems.add(new BrowserProblem(Kind.UNCAUGHT_EXCEPTION, topFrame(entry), entry.getText())));
    watcher.logs.onConsoleEntry(entry -> {
      if (entry.getLevel() == LogLevel.ERROR) {
        watcher.problems.add(new BrowserProblem(Kind.CONSOLE_ERROR, topFrame(entry), entry.getText()));
      }
    });
    watcher.network.onResponseCompleted(response -> {
      int status = response.getResponseData().getStatus();
      if (status >= 400) {
        watcher.problems.add(new BrowserProblem(Kind.HTTP_ERROR, request(response), Integer.toString(status)));
      }
    });
    // Selenium hands the error text over still quoted as JSON, e.g. "\"net::ERR_ABORTED\"".
    watcher.network.onFetchError(failure -> watcher.problems.add(
        new BrowserProblem(Kind.REQUEST_FAILED, request(failure), failure.getErrorText().replace("\"", ""))));
    return watcher;
  }

  /** Every problem seen so far, in the order the browser reported them. */
  List<BrowserProblem> all() {
    return List.copyOf(problems);
  }

  @Override
  public void close() {
    logs.close();
    network.close();
  }

  private static String request(final BaseParameters event) {
    return event.getRequest().getMethod() + " " + event.getRequest().getUrl();
  }

  private static String topFrame(final BaseLogEntry entry) {
    if (entry.getStackTrace() == null || entry.getStackTrace().getCallFrames().isEmpty()) {
      return "(no stack)";
    }
    StackFrame frame = entry.getStackTrace().getCallFrames().get(0);
    return frame.getUrl() + ":" + frame.getLineNumber();
  }
}
