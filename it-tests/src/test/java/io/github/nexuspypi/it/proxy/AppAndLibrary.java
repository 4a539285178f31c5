package io.github.nexuspypi.it.proxy;

import io.github.nexuspypi.it.dists.CoreMetadataText;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeIndex;

/**
 * What clients install through a proxy: an application wheel that requires a library, published on a fake index
 * with the library's 1.0 and a 2.0 that needs a Python nobody has, which every client must pass over.
 */
record AppAndLibrary(String app, String library, FakeFile appWheel, FakeFile libraryWheel)
{
  static AppAndLibrary publish(final FakeIndex upstream, final String prefix) {
    String app = prefix + "-app";
    String library = prefix + "-lib";
    WheelBuilder appBuilder = WheelBuilder.of(app, "1.0");
    appBuilder.metadata().field("Requires-Dist", library + ">=1.0").field("Requires-Python", ">=3.7");
    WheelBuilder libraryBuilder = WheelBuilder.of(library, "1.0");
    WheelBuilder unsupported = WheelBuilder.of(library, "2.0");
    // poetry reads Requires-Python from the metadata, pip from the page: the two agree, as on pypi.org.
    unsupported.metadata().field("Requires-Python", ">=3.99");
    FakeFile appWheel = upstream.project(app).file(appBuilder.fileName(), appBuilder.toBytes())
        .requiresPython(">=3.7");
    FakeFile libraryWheel = upstream.project(library).file(libraryBuilder.fileName(), libraryBuilder.toBytes());
    upstream.project(library).file(unsupported.fileName(), unsupported.toBytes()).requiresPython(">=3.99");
    return new AppAndLibrary(app, library, appWheel, libraryWheel);
  }

  /** A Python statement that imports both and prints their versions: {@link #installedVersions()} if installed. */
  String importBoth() {
    String appModule = CoreMetadataText.fileNamePart(app);
    String libraryModule = CoreMetadataText.fileNamePart(library);
    return "import " + appModule + ", " + libraryModule + "; print(" + appModule + ".__version__, "
        + libraryModule + ".__version__)";
  }

  String installedVersions() {
    return "1.0 1.0";
  }
}
