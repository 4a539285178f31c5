package io.github.nexuspypi.repository.pypi.internal.group;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.annotation.Nullable;
import javax.inject.Inject;
import javax.inject.Named;

import io.github.nexuspypi.core.index.ProjectListMerge;
import io.github.nexuspypi.core.index.ProjectListReader;
import io.github.nexuspypi.core.index.ProjectListWriter;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;
import io.github.nexuspypi.repository.pypi.internal.index.PageCache;
import io.github.nexuspypi.repository.pypi.internal.index.PageCachingIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.index.RenderedPage;

import org.sonatype.nexus.common.app.ApplicationDirectories;
import org.sonatype.nexus.distributed.event.service.api.common.RepositoryCacheInvalidationEvent;
import org.sonatype.nexus.repository.Facet;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.config.Configuration;
import org.sonatype.nexus.repository.manager.RepositoryUpdatedEvent;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.payloads.PathPayload;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.Subscribe;

/**
 * A group's pages: its members' merged. A project's merge is kept until a member's content changes or the first
 * member page it was merged from is due for a refresh; the root page is merged afresh at each request, streaming.
 */
@Named
@Facet.Exposed
public class PypiGroupIndexFacet
    extends PageCachingIndexFacet<MergedProject>
{
  private volatile boolean guard = true;

  private GroupMembers members;

  /** Nexus's temporary folder, where the merged root is spooled and a dead process's leftovers are swept. */
  private final Path temporaryDirectory;

  @Inject
  public PypiGroupIndexFacet(final ApplicationDirectories directories) {
    super(new PageCache<>(CACHE_BYTES, MergedProject::weight));
    this.temporaryDirectory = directories.getTemporaryDirectory().toPath();
  }

  @Override
  protected void doConfigure(final Configuration configuration) throws Exception {
    guard = GroupSettings.of(configuration).guard();
    members = new GroupMembers(getRepository());
    // Members, their order or the guard may have changed.
    cache.changedAll();
  }

  public boolean isGuarded() {
    return guard;
  }

  @Override
  public Content rootPage(final Context context, final SimpleFormat format) throws IOException {
    Path merged = Files.createTempFile(temporaryDirectory, "pypi-group-root-", format.isJson() ? ".json" : ".html");
    try {
      mergeRoots(context, format, merged);
      return new Content(new TemporaryFilePayload(merged, RenderedPage.contentType(format)));
    }
    catch (IOException | RuntimeException e) {
      Files.deleteIfExists(merged);
      throw e;
    }
  }

  @Override
  public Optional<Content> projectPage(final Context context, final String project, final SimpleFormat format) {
    return merged(context, project).map(merged -> {
      Content page = merged.rendered(format).toContent();
      ServedBy.mark(page, merged.servedBy());
      return page;
    });
  }

  /** The project as this group serves it: which files, from which members. */
  Optional<MergedProject> merged(final Context context, final String project) {
    return cache.getExpiring(project, null, () -> members.project(context, project, guard)).page();
  }

  GroupMembers members() {
    return members;
  }

  @Override
  protected boolean isSourceOfPages(final Repository repository) {
    return members != null && members.leaf(repository.getName()).isPresent();
  }

  /** A member switched on or off, or repointed: what it answers may have changed for every project. */
  @Subscribe
  @AllowConcurrentEvents
  public void on(final RepositoryUpdatedEvent event) {
    if (isSourceOfPages(event.getRepository())) {
      cache.changedAll();
    }
  }

  /**
   * "Invalidate cache" on the group or on a member: Nexus posts this after invalidating, and for a group after its
   * members. A proxy member's pages are then due upstream at the next request, so every merge is too.
   */
  @Subscribe
  @AllowConcurrentEvents
  public void on(final RepositoryCacheInvalidationEvent event) {
    String name = event.getRepositoryName();
    if (name.equals(getRepository().getName()) || (members != null && members.leaf(name).isPresent())) {
      cache.changedAll();
    }
  }

  private void mergeRoots(final Context context, final SimpleFormat format, final Path target) throws IOException {
    List<InputStream> streams = new ArrayList<>();
    List<ProjectListReader> lists = new ArrayList<>();
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target))) {
      for (Repository member : members.leaves()) {
        InputStream root = memberRoot(context, member);
        if (root != null) {
          streams.add(root);
          lists.add(SimpleJsonParser.openIndex(root));
        }
      }
      if (format.isJson()) {
        try (ProjectListWriter out = ProjectListWriter.json(file)) {
          ProjectListMerge.merge(lists, out);
        }
      }
      else {
        Writer writer = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8));
        try (ProjectListWriter out = ProjectListWriter.html(writer)) {
          ProjectListMerge.merge(lists, out);
        }
        writer.flush();
      }
    }
    finally {
      for (ProjectListReader list : lists) {
        list.close();
      }
      for (InputStream stream : streams) {
        stream.close();
      }
    }
  }

  @Nullable
  private InputStream memberRoot(final Context context, final Repository member) {
    try {
      Response response = GroupMembers.getJson(context, member, PypiPaths.SIMPLE);
      if (response.getStatus().getCode() == 200 && response.getPayload() != null) {
        return response.getPayload().openInputStream();
      }
      log.warn("Group {}: member {} answered {} for the root page; the group lists it without that member",
          getRepository().getName(), member.getName(), response.getStatus());
    }
    catch (Exception e) {
      log.warn("Group {}: member {} failed on the root page; the group lists it without that member: {}",
          getRepository().getName(), member.getName(), e.toString());
    }
    return null;
  }

  /** A merged root page, written to disk rather than held, removed once sent. */
  private static final class TemporaryFilePayload
      extends PathPayload
  {
    private final Path path;

    private TemporaryFilePayload(final Path path, final String contentType) {
      super(path, contentType);
      this.path = path;
    }

    @Override
    public void close() throws IOException {
      Files.deleteIfExists(path);
    }
  }
}
