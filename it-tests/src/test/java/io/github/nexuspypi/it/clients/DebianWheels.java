package io.github.nexuspypi.it.clients;

import java.nio.file.Path;
import java.util.List;

/**
 * Real wheels every Debian 12 machine with python3-pip-whl, python3-setuptools-whl and python3-wheel-whl has, built
 * by their projects' own tools: what tests publish when they need real-world files, and the build backend
 * (setuptools, wheel) that clients install from the repository when they cannot reach pypi.org.
 */
final class DebianWheels
{
  private static final Path DIR = Path.of("/usr/share/python-wheels");

  static final Path PIP = DIR.resolve("pip-23.0.1-py3-none-any.whl");

  static final Path SETUPTOOLS = DIR.resolve("setuptools-66.1.1-py3-none-any.whl");

  static final Path WHEEL = DIR.resolve("wheel-0.38.4-py3-none-any.whl");

  static final List<Path> ALL = List.of(PIP, SETUPTOOLS, WHEEL);

  private DebianWheels() {
  }
}
