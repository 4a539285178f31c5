package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.name.ProjectName;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.HexFormat;

/**
 * A project of a {@link FakeIndex} with as many files as a test wants, whose PEP 691 page is written as it is sent
 * and never held: a test can offer several pages of tens of MiB at once from a test JVM of ordinary size. Its files
 * are only listed; the files host does not serve them. Each release has {@value #FILES_PER_RELEASE} wheels, told
 * apart by their build tag.
 */
public final class GeneratedProject
{
  static final int FILES_PER_RELEASE = 10;

  private static final JsonFactory JSON = new JsonFactory();

  private final String name;

  private final int files;

  private final URI filesHost;

  GeneratedProject(final String name, final int files, final URI filesHost) {
    this.name = name;
    this.files = files;
    this.filesHost = filesHost;
  }

  public String name() {
    return name;
  }

  public int files() {
    return files;
  }

  /** The name of the file at {@code index}, counted from 0 in page order. */
  public String filename(final int index) {
    // The build tag tells a release's wheels apart.
    return ProjectName.normalize(name).replace('-', '_') + "-" + version(index) + "-" + index % FILES_PER_RELEASE
        + "-py3-none-any.whl";
  }

  /** The number of releases the files make, each listed in the page's {@code versions}. */
  public int releases() {
    return (files + FILES_PER_RELEASE - 1) / FILES_PER_RELEASE;
  }

  /** {@code /simple/<normalised name>/}. */
  public String path() {
    return "/simple/" + ProjectName.normalize(name) + "/";
  }

  /** The page as pypi.org writes it (API 1.1: every file with a size and a sha256), written straight to {@code out}. */
  void writeJson(final OutputStream out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeObjectFieldStart("meta");
      json.writeStringField("api-version", "1.1");
      json.writeEndObject();
      json.writeStringField("name", ProjectName.normalize(name));
      json.writeArrayFieldStart("files");
      for (int i = 0; i < files; i++) {
        String filename = filename(i);
        json.writeStartObject();
        json.writeStringField("filename", filename);
        json.writeStringField("url", filesHost.resolve("g/" + filename).toString());
        json.writeObjectFieldStart("hashes");
        json.writeStringField("sha256", sha256(i));
        json.writeEndObject();
        json.writeNumberField("size", 1000 + i);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("versions");
      for (int release = 0; release < releases(); release++) {
        json.writeString(version(release * FILES_PER_RELEASE));
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static String version(final int index) {
    return "1." + index / FILES_PER_RELEASE;
  }

  /** 64 hex digits that differ from file to file, as real hashes do, so that nothing compresses them away. */
  private static String sha256(final int index) {
    byte[] bytes = new byte[32];
    long seed = index * 0x9E3779B97F4A7C15L + 1;
    for (int i = 0; i < bytes.length; i++) {
      seed ^= seed << 13;
      seed ^= seed >>> 7;
      seed ^= seed << 17;
      bytes[i] = (byte) seed;
    }
    return HexFormat.of().formatHex(bytes);
  }
}
