package io.github.nexuspypi.jenkins;

import java.util.ArrayList;
import java.util.List;

import hudson.model.Action;
import io.github.nexuspypi.jenkins.publish.PublishedFile;

/**
 * The build page's list of what this build published to PyPI repositories, each file with its link there.
 */
public class PublishedFilesAction
    implements Action
{
  private final List<PublishedFile> files;

  public PublishedFilesAction(final List<PublishedFile> files) {
    this.files = new ArrayList<>(files);
  }

  public List<PublishedFile> getFiles() {
    return files;
  }

  /** A build that publishes twice lists both. */
  void add(final List<PublishedFile> more) {
    files.addAll(more);
  }

  @Override
  public String getIconFileName() {
    return "symbol-cube";
  }

  @Override
  public String getDisplayName() {
    return "Published to PyPI";
  }

  @Override
  public String getUrlName() {
    return "pypi-published";
  }
}
