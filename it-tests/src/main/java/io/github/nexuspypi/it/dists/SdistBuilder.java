package io.github.nexuspypi.it.dists;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source distribution written in Java: {@code <name>-<version>.tar.gz} holding one folder with {@code PKG-INFO},
 * a setuptools {@code pyproject.toml} and a module. Paths given to {@link #file} are relative to that folder;
 * {@link #entry} writes any path, e.g. one that leaves the folder.
 */
public final class SdistBuilder
{
  private final String name;

  private final String version;

  private final CoreMetadataText metadata;

  private final ArchiveEdits edits = new ArchiveEdits();

  private SdistBuilder(final String name, final String version) {
    this.name = name;
    this.version = version;
    this.metadata = CoreMetadataText.of(name, version);
  }

  public static SdistBuilder of(final String name, final String version) {
    return new SdistBuilder(name, version);
  }

  /** The PKG-INFO to write, to add or change fields. */
  public CoreMetadataText metadata() {
    return metadata;
  }

  /** The folder every entry sits in, {@code <name>-<version>} as PEP 625 writes the name. */
  public String root() {
    return CoreMetadataText.fileNamePart(name) + "-" + version;
  }

  public String fileName() {
    return root() + ".tar.gz";
  }

  /** Adds or replaces a file under {@link #root()}, generated ones included (e.g. {@code PKG-INFO}). */
  public SdistBuilder file(final String path, final String content) {
    return entry(root() + "/" + path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds or replaces an entry at this exact path in the archive. */
  public SdistBuilder entry(final String archivePath, final byte[] content) {
    edits.put(archivePath, content);
    return this;
  }

  /** Leaves a generated file out, e.g. {@code PKG-INFO}. */
  public SdistBuilder omit(final String path) {
    edits.omit(root() + "/" + path);
    return this;
  }

  public byte[] pkgInfoBytes() {
    return metadata.toBytes();
  }

  public byte[] toBytes() {
    String module = CoreMetadataText.fileNamePart(name);
    Map<String, byte[]> generated = new LinkedHashMap<>();
    generated.put(root() + "/PKG-INFO", metadata.toBytes());
    generated.put(root() + "/pyproject.toml", ArchiveFiles.utf8("[build-system]\n"
        + "requires = [\"setuptools>=61\"]\n"
        + "build-backend = \"setuptools.build_meta\"\n\n"
        + "[project]\n"
        + "name = \"" + name + "\"\n"
        + "version = \"" + version + "\"\n"));
    generated.put(root() + "/" + module + "/__init__.py",
        ArchiveFiles.utf8("__version__ = \"" + version + "\"\n"));
    return TarGz.of(edits.applyTo(generated));
  }

  /** Writes the sdist into {@code dir} under {@link #fileName()}. */
  public Path writeTo(final Path dir) {
    return ArchiveFiles.write(dir.resolve(fileName()), toBytes());
  }
}
