package io.github.nexuspypi.it.up;

import io.github.nexuspypi.it.nexus.S3Server;

import java.nio.file.Path;

/**
 * The S3Proxy process that {@code ./nexus-pypi-up --s3} leaves running beside Nexus: {@link S3Server} on a loopback
 * port until SIGTERM. Arguments: the folder of its buckets and the port.
 */
public final class S3ServerMain
{
  private S3ServerMain() {
  }

  public static void main(final String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("Usage: S3ServerMain <buckets folder> <port>");
      System.exit(2);
    }
    S3Server server = S3Server.start(Path.of(args[0]), Integer.parseInt(args[1]));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-s3proxy"));
    System.out.println("S3Proxy listening at " + server.endpoint() + ", buckets in " + server.directory());
    Thread.currentThread().join();
  }
}
