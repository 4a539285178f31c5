package io.github.nexuspypi.it.publisher;

import java.nio.file.Path;

import io.github.nexuspypi.jenkins.publish.DistributionPublisher;
import io.github.nexuspypi.jenkins.publish.PublishException;
import io.github.nexuspypi.jenkins.publish.PublishSettings;
import io.github.nexuspypi.jenkins.publish.UploadCredentials;

/**
 * The publisher's engine in a JVM of its own, so that a test can give it a small heap: {@code java -Xmx64m
 * PublishMain <workspace> <repository URL> <user> <password> <files>}. Exits 0 when every file was published.
 */
public final class PublishMain
{
  private PublishMain() {
  }

  public static void main(final String[] args) throws Exception {
    PublishSettings settings = PublishSettings.to(args[1])
        .credentials(UploadCredentials.usernamePassword(args[2], args[3]))
        .files(args[4])
        .build();
    try {
      new DistributionPublisher(settings).publish(Path.of(args[0]), System.out::println);
      System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    }
    catch (PublishException e) {
      System.out.println(e.getMessage());
      System.exit(1);
    }
  }
}
