package io.github.nexuspypi.it.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Nexus's admin UI (ExtJS) worked as a user works it: by the texts on its buttons, the labels of its fields, the
 * entries of its lists. Every step waits for the one visible element it acts on: ExtJS keeps hidden copies of forms
 * around (an empty edit form's fields exist while the create form shows), so hidden elements are never used.
 */
public final class NexusAdminUi
{
  /** Far above the few seconds the UI's first load takes on a busy two-core machine. */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final String REPOSITORIES = "#admin/repository/repositories";

  private static final String DIALOG = "//div[contains(@class,'x-window')]";

  private static final By REPOSITORY_ROWS = By.cssSelector("div[id^='nx-coreui-repository-list'] table.x-grid-item");

  /** The UI's messages: success, warning, error... as a CSS class of their own. */
  private static final By TOAST = By.cssSelector("div.x-toast");

  private final WebDriver driver;

  private final URI baseUri;

  private final FluentWait<WebDriver> wait;

  public NexusAdminUi(final WebDriver driver, final URI baseUri) {
    this.driver = driver;
    this.baseUri = baseUri;
    // ExtJS re-renders parts of the page while a step waits; an element that went away is looked up again.
    this.wait = new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class);
  }

  /** Opens the UI and signs in through its "Sign in" dialog. */
  public void signIn(final String user, final String password) {
    driver.get(baseUri.toString());
    visible(By.xpath(button("Sign in"))).click();
    visible(By.cssSelector("input[name=username]")).sendKeys(user);
    visible(By.cssSelector("input[name=password]")).sendKeys(password);
    // The header's "Sign in" button stays visible behind the dialog.
    visible(By.xpath(DIALOG + button("Sign in"))).click();
    visible(By.xpath(button("Sign out")));
    // Requests the page sent while the session was being created may have gone without it, and a freshly booted
    // Nexus then asks to "Authenticate" again over the next page: start that page from a load with the session.
    driver.navigate().refresh();
    visible(By.xpath(button("Sign out")));
  }

  /** Administration → Repositories → Create repository → {@code recipe}, e.g. "pypi (hosted)". */
  public void startCreating(final String recipe) {
    driver.get(baseUri + REPOSITORIES);
    // Until its list has loaded, the page may go back to the list (NX's Drilldown.reselect) and drop the recipe
    // choice a click on "Create repository" opened: seen on freshly booted Nexuses, whose first answers are slow.
    until("the repository list to show its repositories", page -> page.findElements(REPOSITORY_ROWS).stream()
        .anyMatch(WebElement::isDisplayed));
    press("Create repository");
    visible(gridCell(recipe)).click();
    field("Name");
  }

  /** The edit form of a repository, as a click on its row in the repository list opens it. */
  public void openRepository(final String name) {
    driver.get(baseUri + REPOSITORIES + ":" + name);
  }

  /**
   * Waits until the repository list shows a row for {@code name}, filtered down to it: the list renders only the
   * rows near its viewport, and a run that has created a hundred repositories sorts a new one out of sight.
   */
  public void awaitListed(final String name) {
    WebElement filter = visible(By.cssSelector(".nx-filterbox input"));
    filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    filter.sendKeys(name);
    visible(gridCell(name));
  }

  /** The input of the visible form field labelled {@code label} (without the colon the UI adds). */
  public WebElement field(final String label) {
    WebElement labelElement = visible(By.xpath("//label[.//span[contains(@class,'x-form-item-label-text')"
        + " and normalize-space()='" + label + ":']]"));
    return driver.findElement(By.id(labelElement.getDomAttribute("for")));
  }

  /**
   * The text a field shows once it shows one: a text field's or read-only field's value, a combo box's chosen entry.
   * An edit form renders blank before its record has loaded, then renders its fields anew: a field read in between
   * is empty or gone, and is read again.
   */
  public String valueOf(final String label) {
    return until(label + " to show a value", page -> {
      String value = field(label).getDomProperty("value");
      return value == null || value.isEmpty() ? null : value;
    });
  }

  /**
   * Whether a check box is ticked, found and read again should the form render it anew meanwhile. A blank edit form
   * ticks its defaults: read a field with {@link #valueOf} first, which waits for the record.
   */
  public boolean isChecked(final String label) {
    // Wrapped: a wait takes a bare false for "not yet".
    return until(label + " to be read", page -> Optional.of(field(label).isSelected())).get();
  }

  /** Replaces what the field holds with {@code text}, keystroke by keystroke as a user would. */
  public void type(final String label, final String text) {
    WebElement field = field(label);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(text);
  }

  /** Opens a combo box's list and picks {@code option}. */
  public void choose(final String label, final String option) {
    WebElement combo = field(label);
    combo.click();
    visible(By.xpath("//li[contains(@class,'x-boundlist-item') and normalize-space()='" + option + "']")).click();
    until(label + " to show " + option, page -> option.equals(combo.getDomProperty("value")));
  }

  /** Ticks or unticks a check box by clicking the box the UI draws (the input itself is transparent). */
  public void toggle(final String label) {
    WebElement checkbox = field(label);
    boolean before = checkbox.isSelected();
    checkbox.findElement(By.xpath("..")).click();
    until(label + " to change", page -> checkbox.isSelected() != before);
  }

  /**
   * Moves a repository into a group's members: filters the available list down to it and double-clicks it, as
   * users of a long list do. Waits on the members list itself: a double-click that lands while ExtJS still renders
   * the available list (its store loads after the form shows) is lost, so it is repeated until the repository has
   * moved, only ever on the available list's entry, which moving takes away.
   */
  public void addMember(final String repository) {
    WebElement filter = visible(By.cssSelector(".nx-filterbox input"));
    filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    filter.sendKeys(repository);
    until(repository + " to be a member", page -> {
      if (page.findElements(memberEntry(2, repository)).size() == 1) {
        return true;
      }
      page.findElements(memberEntry(1, repository)).stream().filter(WebElement::isDisplayed).findFirst()
          .ifPresent(available -> new Actions(page).doubleClick(available).perform());
      return false;
    });
  }

  /** The entry for {@code repository} in a group form's available (1) or members (2) list. */
  private static By memberEntry(final int list, final String repository) {
    return By.xpath("(//div[contains(@class,'nx-multiselect')])[" + list + "]//li[contains(@class,'x-boundlist-item')"
        + " and normalize-space()='" + repository + "']");
  }

  /** Clicks the one visible button labelled {@code text}, once it is enabled. */
  public void press(final String text) {
    visible(By.xpath(button(text) + "[not(contains(@class,'x-btn-disabled'))]")).click();
  }

  /**
   * Waits for the UI's success message mentioning {@code text} and closes it, so that the next step's message is
   * not taken for it.
   */
  public String awaitSuccess(final String text) {
    WebElement message = until("a success message mentioning " + text, page -> page.findElements(TOAST).stream()
        .filter(toast -> toast.isDisplayed() && hasClass(toast, "success") && toast.getText().contains(text))
        .findFirst().orElse(null));
    String shown = message.getText();
    // A click that lands while the message still slides in is lost: click again until it is gone.
    until("the message to close", page -> {
      try {
        if (!message.isDisplayed()) {
          return true;
        }
        message.findElement(By.cssSelector(".dismiss a")).click();
        return false;
      }
      catch (StaleElementReferenceException | ElementNotInteractableException e) {
        return !isShown(message);
      }
    });
    return shown;
  }

  /**
   * Waits until the field labelled {@code label} is marked invalid, as a form whose saving the server refused marks
   * the field its message is about, and returns what the field shows. Error messages shown meanwhile (the form's
   * "An error occurred while saving the form") do not end the wait.
   */
  public String awaitFieldError(final String label) {
    WebElement input = field(label);
    return wait.withMessage(() -> label + " to be marked invalid").until(page -> {
      if (!"true".equals(input.getDomAttribute("aria-invalid"))) {
        return null;
      }
      List<String> shown = new ArrayList<>();
      input.findElements(By.xpath("ancestor-or-self::*[string-length(@data-errorqtip) > 0]"))
          .forEach(holder -> shown.add(holder.getDomAttribute("data-errorqtip")));
      shown.add(input.findElement(By.xpath("ancestor::*[contains(@class,'x-field')][1]")).getText());
      return String.join("\n", shown);
    });
  }

  private static boolean isShown(final WebElement element) {
    try {
      return element.isDisplayed();
    }
    catch (StaleElementReferenceException e) {
      return false;
    }
  }

  private WebElement visible(final By locator) {
    return until("exactly one visible " + locator, page -> {
      List<WebElement> shown = page.findElements(locator).stream().filter(WebElement::isDisplayed).toList();
      return shown.size() == 1 ? shown.get(0) : null;
    });
  }

  /**
   * Waits for {@code condition}, failing at once with the UI's own words when it shows an error message instead: NX
   * reports failed ExtDirect calls (no script error, no HTTP error) and uncaught script errors that way, for 5 s.
   */
  private <T> T until(final String description, final Function<WebDriver, T> condition) {
    return wait.withMessage(() -> description).until(page -> {
      for (WebElement toast : page.findElements(TOAST)) {
        if (toast.isDisplayed() && hasClass(toast, "error")) {
          throw new AssertionError("Waiting for " + description + ", the UI reported an error: " + toast.getText());
        }
      }
      return condition.apply(page);
    });
  }

  private static String button(final String text) {
    return "//a[contains(@class,'x-btn') and .//span[normalize-space()='" + text + "']]";
  }

  private static By gridCell(final String text) {
    return By.xpath("//div[contains(@class,'x-grid-cell-inner') and normalize-space()='" + text + "']");
  }

  private static boolean hasClass(final WebElement element, final String cssClass) {
    return Arrays.asList(element.getDomAttribute("class").split("\\s+")).contains(cssClass);
  }
}
