package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.name.ProjectName;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A PyPI-like upstream for proxy tests, on two loopback HTTP servers as pypi.org has two hosts: the
 * {@linkplain #indexHost() index host} serves {@code /simple/} and the projects' pages, which link each file
 * absolutely on the {@linkplain #filesHost() files host}. Tests add projects and files, pick the pages' forms and
 * style, switch faults on either host, and read what was asked in the {@link #log()}.
 *
 * <pre>{@code
 * try (FakeIndex upstream = FakeIndex.start()) {
 *   FakeFile wheel = upstream.project("tiny").file(builder.fileName(), builder.toBytes()).yanked("broken");
 *   upstream.filesHost().at(wheel.path()).wrongSha256();
 *   // a proxy repository with remote URL upstream.uri(), as pypi.org's is https://pypi.org/
 * }
 * }</pre>
 * The simple API sits at {@code /simple/} as on pypi.org, or {@linkplain #mountedAt elsewhere} as on other indexes.
 */
public final class FakeIndex
    implements AutoCloseable
{
  private final Map<String, FakeProject> projects = new ConcurrentSkipListMap<>();

  private final Map<String, RawPage> rawPages = new ConcurrentHashMap<>();

  private final Map<String, GeneratedProject> generated = new ConcurrentSkipListMap<>();

  private final RequestLog log = new RequestLog();

  private final FakeHost files;

  private final FakeHost index;

  private final String mountPoint;

  private volatile boolean htmlOnly;

  private volatile PageStyle style = PageStyle.PYPI_CORE;

  private volatile boolean warehouseJson = true;

  private volatile GeneratedRoot generatedRoot;

  private FakeIndex(final String mountPoint) {
    this.mountPoint = mountPoint;
    files = new FakeHost(FakeHost.Role.FILES, log, new FilesResource(this));
    try {
      index = new FakeHost(FakeHost.Role.INDEX, log, new SimpleResource(this), new WarehouseResource(this));
    }
    catch (RuntimeException e) {
      files.down();
      throw e;
    }
  }

  /**
   * Both hosts up, on free loopback ports; HTML and JSON pages written by pypi-core, the Warehouse JSON API, no
   * project, no fault, no credentials asked.
   */
  public static FakeIndex start() {
    return mountedAt("/simple/");
  }

  /**
   * As {@link #start()}, with the simple API at {@code mountPoint} (absolute, with a trailing slash) instead of
   * {@code /simple/}, as other indexes serve it: devpi at {@code /root/pypi/+simple/}, proxpi at {@code /index/},
   * Artifactory at {@code /artifactory/api/pypi/<repository>/simple/}. Nothing else answers there but the
   * Warehouse JSON API.
   */
  public static FakeIndex mountedAt(final String mountPoint) {
    if (!mountPoint.startsWith("/") || !mountPoint.endsWith("/")) {
      throw new IllegalArgumentException("A mount point starts and ends with a slash: " + mountPoint);
    }
    return new FakeIndex(mountPoint);
  }

  /** The index host's root: {@code http://127.0.0.1:<port>/}, a proxy's remote URL as pypi.org's is its base. */
  public URI uri() {
    return index.uri();
  }

  /** The index URL, the root page at the mount point: what pip takes as {@code --index-url}. */
  public URI simpleUri() {
    return uri().resolve(mountPoint);
  }

  public FakeHost indexHost() {
    return index;
  }

  public FakeHost filesHost() {
    return files;
  }

  /** The project of that name (compared normalised), added with this display name if it is new. */
  public FakeProject project(final String name) {
    return projects.computeIfAbsent(ProjectName.normalize(name), key -> new FakeProject(name, files.uri(), mountPoint));
  }

  /**
   * A project listing {@code files} generated wheels, whose JSON page is written as it is sent: for pages far larger
   * than a test should hold. The index answers it in JSON whatever the {@code Accept} header.
   */
  public GeneratedProject generatedProject(final String name, final int files) {
    GeneratedProject project = new GeneratedProject(name, files, this.files.uri());
    generated.put(ProjectName.normalize(name), project);
    return project;
  }

  /**
   * From now on the root lists {@code projects} generated names ({@code gen0000000}, {@code gen0000001}, ...)
   * instead of the added projects, written as it is sent: a root of pypi.org's size without holding it. Only the
   * root lists them; they have no page.
   */
  public FakeIndex generatedRoot(final int projects) {
    generatedRoot = new GeneratedRoot(projects);
    return this;
  }

  /** The file of that name in any project, which must have been added. */
  public FakeFile file(final String filename) {
    return projects.values().stream().flatMap(project -> project.find(filename).stream()).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No project has a file " + filename));
  }

  /** Takes a project off the index: its page becomes a 404 and its files too. */
  public void remove(final String project) {
    projects.remove(ProjectName.normalize(project));
  }

  /**
   * {@code true}: an index from before PEP 691, which answers every page as {@code text/html} whatever the
   * {@code Accept} header and sends no {@code Vary}. {@code false} (the start): PEP 691 negotiation as pypi.org
   * does it.
   */
  public FakeIndex htmlOnly(final boolean only) {
    htmlOnly = only;
    return this;
  }

  public FakeIndex style(final PageStyle pages) {
    style = pages;
    return this;
  }

  /**
   * Whether the index host also serves pypi.org's Warehouse JSON API at {@code /pypi/<project>/json} and
   * {@code /pypi/<project>/<version>/json} (from the start: yes); an index other than pypi.org answers it 404.
   */
  public FakeIndex warehouseJson(final boolean served) {
    warehouseJson = served;
    return this;
  }

  /**
   * From now on the index host answers {@code path} ({@code /simple/}, a project's page, e.g.
   * {@link FakeProject#path()}, or a Warehouse JSON API path such as {@code /pypi/<project>/json}) with exactly this body and {@code Content-Type}, whatever the {@code Accept} header:
   * a page no page writer would write, as a hostile or broken upstream serves it. Files stay where they were.
   */
  public FakeIndex rawPage(final String path, final String contentType, final String body) {
    rawPages.put(path, new RawPage(contentType, body.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** What both hosts were asked. */
  public RequestLog log() {
    return log;
  }

  @Override
  public void close() {
    index.down();
    files.down();
  }

  /** Where the simple API sits on the index host, e.g. {@code /simple/}. */
  String mountPoint() {
    return mountPoint;
  }

  /** Sorted by normalised name, as a root page lists them. */
  List<FakeProject> projects() {
    return List.copyOf(projects.values());
  }

  /** {@code null} when there is no such project. */
  FakeProject projectNamed(final String normalizedName) {
    return projects.get(normalizedName);
  }

  /** {@code null} when there is no such project. */
  GeneratedProject generatedProjectNamed(final String normalizedName) {
    return generated.get(normalizedName);
  }

  /** The bytes of the file or {@code .metadata} file at {@code path} on the files host, {@code null} for none. */
  byte[] fileAt(final String path) {
    for (FakeProject project : projects.values()) {
      for (FakeFile file : project.files()) {
        if (file.path().equals(path)) {
          return file.bytes();
        }
        if (file.metadataPath().equals(path)) {
          return file.coreMetadata();
        }
      }
    }
    return null;
  }

  /** {@code null} unless {@link #generatedRoot(int)} set one. */
  GeneratedRoot generatedRoot() {
    return generatedRoot;
  }

  /** {@code null} unless {@link #rawPage} set one for {@code path}. */
  RawPage rawPageAt(final String path) {
    return rawPages.get(path);
  }

  SimpleFormat format(final String accept) {
    return htmlOnly ? SimpleFormat.TEXT_HTML : SimpleFormat.negotiate(accept);
  }

  boolean isHtmlOnly() {
    return htmlOnly;
  }

  PageStyle style() {
    return style;
  }

  boolean servesWarehouseJson() {
    return warehouseJson;
  }

  record RawPage(String contentType, byte[] body)
  {
  }
}
