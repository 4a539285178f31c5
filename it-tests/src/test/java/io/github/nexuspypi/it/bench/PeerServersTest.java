package io.github.nexuspypi.it.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PeerServersTest
{
  @Test
  void thePeersUpReportsAreReadFromAmongItsMessages() {
    String output = """
        mkindex: 3 projects, 3 files -> /tmp/bench/tree
        up.sh: no nginx (apt-get install nginx-light): skipped
        pypiserver http://127.0.0.1:18601/simple
        proxpi http://127.0.0.1:18604/index
        devpi: skipped (devpi-server is not packaged in Debian 12; PyPI unreachable)
        somethingelse http://127.0.0.1:18609/simple
        """;

    assertEquals(Map.of("pypiserver", URI.create("http://127.0.0.1:18601/simple/"),
        "proxpi", URI.create("http://127.0.0.1:18604/index/")), PeerServers.indexesIn(output));
  }
}
