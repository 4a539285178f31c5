package io.github.nexuspypi.jenkins.publish;

/**
 * Where the engine reports what it does, a line at a time: the build log in Jenkins.
 */
@FunctionalInterface
public interface PublishLog
{
  void line(String text);
}
