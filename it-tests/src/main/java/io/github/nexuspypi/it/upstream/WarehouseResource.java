package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.WheelFilename;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.core.warehouse.LatestRelease;
import io.github.nexuspypi.core.warehouse.WarehouseFile;
import io.github.nexuspypi.core.warehouse.WarehouseJsonWriter;
import io.github.nexuspypi.core.warehouse.WarehouseRelease;
import io.github.nexuspypi.core.warehouse.WarehouseUrls;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The index host's Warehouse JSON API ({@code /pypi/<project>/json}, {@code /pypi/<project>/<version>/json}), written
 * by pypi-core from the project's files: a release is a version's files, yanked when all of them are, described by
 * the first of its files that has core metadata. A {@linkplain FakeIndex#rawPage raw page} at the path answers
 * instead.
 */
@Path("pypi/{project}")
public final class WarehouseResource
{
  private final FakeIndex index;

  WarehouseResource(final FakeIndex index) {
    this.index = index;
  }

  @GET
  @Path("json")
  public Response project(@PathParam("project") final String name, @Context final UriInfo uri) throws IOException {
    return answer(name, null, uri);
  }

  @GET
  @Path("{version}/json")
  public Response release(@PathParam("project") final String name, @PathParam("version") final String version,
                          @Context final UriInfo uri) throws IOException
  {
    return answer(name, version, uri);
  }

  private Response answer(final String name, final String version, final UriInfo uri) throws IOException {
    FakeIndex.RawPage raw = index.rawPageAt(uri.getRequestUri().getRawPath());
    if (raw != null) {
      return Response.ok(raw.body()).type(raw.contentType()).build();
    }
    if (!ProjectName.isNormalized(name)) {
      String rest = version == null ? "json" : version + "/json";
      return Response.status(301)
          .location(uri.getBaseUriBuilder().path("pypi/" + ProjectName.normalize(name) + "/" + rest).build()).build();
    }
    FakeProject project = index.servesWarehouseJson() ? index.projectNamed(name) : null;
    Map<String, List<FakeFile>> releases = project == null ? Map.of() : releases(project);
    List<WarehouseRelease> described = new ArrayList<>();
    for (Map.Entry<String, List<FakeFile>> release : releases.entrySet()) {
      described.add(release(release.getKey(), release.getValue()));
    }
    Optional<WarehouseRelease> selected = version == null ? LatestRelease.select(described)
        : described.stream().filter(release -> sameVersion(release.version(), version)).findFirst();
    if (selected.isEmpty()) {
      return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("Not Found").build();
    }
    CoreMetadata metadata = metadata(project, releases.get(selected.get().version()), selected.get().version());
    WarehouseJsonWriter writer = new WarehouseJsonWriter(WarehouseUrls.under(index.uri().resolve("/project/")
        .toString()));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (version == null) {
      writer.writeProject(metadata, selected.get(), described, PypiOrgPages.SERIAL, body);
    }
    else {
      writer.writeRelease(metadata, selected.get(), PypiOrgPages.SERIAL, body);
    }
    return Response.ok(body.toByteArray()).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** The project's files by the version their names carry; a file whose name has none is in no release. */
  private static Map<String, List<FakeFile>> releases(final FakeProject project) {
    Map<String, List<FakeFile>> releases = new LinkedHashMap<>();
    for (FakeFile file : project.files()) {
      file.distributionName().ifPresent(name -> releases.computeIfAbsent(name.version(), key -> new ArrayList<>())
          .add(file));
    }
    return releases;
  }

  private static WarehouseRelease release(final String version, final List<FakeFile> files) throws IOException {
    List<WarehouseFile> described = new ArrayList<>();
    for (FakeFile file : files) {
      described.add(describe(file));
    }
    boolean yanked = files.stream().allMatch(file -> file.link().isYanked());
    return new WarehouseRelease(version, yanked ? files.get(0).link().yank() : null, described);
  }

  private static WarehouseFile describe(final FakeFile file) throws IOException {
    DistributionLink link = file.link();
    DistributionFilename name = file.distributionName().orElseThrow();
    FileDigests digests = FileDigests.of(new ByteArrayInputStream(file.bytes()));
    Map<String, String> hashes = Map.of("md5", digests.md5(), "sha256", digests.sha256(), "blake2b_256",
        digests.blake2b256());
    return new WarehouseFile(link.filename(), link.url(), name.packageType().formValue(),
        name instanceof WheelFilename wheel ? wheel.pythonTag() : "source", hashes, link.size(), link.uploadTime(),
        link.requiresPython(), link.coreMetadata());
  }

  /** The first core metadata file of the release; without one, the two fields every release has. */
  private static CoreMetadata metadata(final FakeProject project, final List<FakeFile> files, final String version) {
    byte[] known = files.stream().map(FakeFile::coreMetadata).filter(Objects::nonNull).findFirst()
        .orElse(("Metadata-Version: 2.1\nName: " + project.name() + "\nVersion: " + version + "\n")
            .getBytes(StandardCharsets.UTF_8));
    return CoreMetadata.parse(known);
  }

  private static boolean sameVersion(final String release, final String asked) {
    Optional<Version> parsed = Version.tryParse(asked);
    return release.equals(asked) || parsed.isPresent() && parsed.equals(Version.tryParse(release));
  }
}
