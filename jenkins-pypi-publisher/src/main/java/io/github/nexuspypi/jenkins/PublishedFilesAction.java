package io.github.nexuspypi.jenkins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import hudson.model.Run;
import io.github.nexuspypi.jenkins.publish.PublishedFile;
import jenkins.model.RunAction2;

/**
 * The build page's list of what this build published to PyPI repositories, each file with its link there. One per
 * build, however many steps publish, {@code parallel} branches at once included.
 */
public class PublishedFilesAction
    implements RunAction2
{
  /** Guards finding or adding a build's action: two branches finishing at once must not add one each. */
  private static final Object ATTACHING = new Object();

  /**
   * Replaced, never changed in place, so that Jenkins saving the build while another branch adds files writes a
   * complete list; an {@link ArrayList} because Jenkins's XStream filter lets it through.
   */
  private volatile ArrayList<PublishedFile> files;

  private transient Run<?, ?> run;

  public PublishedFilesAction(final List<PublishedFile> files) {
    this.files = new ArrayList<>(files);
  }

  /** Adds {@code published} to the build's action, creating it for the first files; nothing for no files. */
  static void record(final Run<?, ?> run, final List<PublishedFile> published) {
    if (published.isEmpty()) {
      return;
    }
    synchronized (ATTACHING) {
      PublishedFilesAction action = run.getAction(PublishedFilesAction.class);
      if (action == null) {
        run.addAction(new PublishedFilesAction(published));
      }
      else {
        action.add(published);
      }
    }
  }

  public List<PublishedFile> getFiles() {
    return Collections.unmodifiableList(files);
  }

  /** A build that publishes twice lists both. */
  synchronized void add(final List<PublishedFile> more) {
    ArrayList<PublishedFile> joined = new ArrayList<>(files);
    joined.addAll(more);
    files = joined;
  }

  /** The build whose page this is, for the page's side panel. */
  public Run<?, ?> getRun() {
    return run;
  }

  @Override
  public void onAttached(final Run<?, ?> attachedTo) {
    this.run = attachedTo;
  }

  @Override
  public void onLoad(final Run<?, ?> loadedWith) {
    this.run = loadedWith;
  }

  @Override
  public String getIconFileName() {
    return "symbol-cube";
  }

  @Override
  public String getDisplayName() {
    return Messages.PublishedFilesAction_DisplayName();
  }

  @Override
  public String getUrlName() {
    return "pypi-published";
  }
}
