package io.github.nexuspypi.it.nexus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a Nexus is to run: where it listens, its heap, and whether its first start makes up a random admin
 * password (kept in {@code admin.password}) or uses the fixed {@value #FIXED_ADMIN_PASSWORD}.
 *
 * @param freshUnusedBlobsCleaned whether the "Cleanup unused asset blobs" task soft-deletes a deleted asset's blob
 *                                however young (Nexus waits until it is an hour old), so that a test can see
 *                                deleted content reclaimed by that task and "Compact blob store"
 * @param requestLog              whether Jetty writes Nexus's request log ({@code request.log}), as Nexus ships it;
 *                                the benchmarks turn it off, as the peers they measure ours against log no requests
 */
public record NexusSettings(String host, int port, String minHeap, String maxHeap, boolean randomAdminPassword,
                            boolean freshUnusedBlobsCleaned, boolean requestLog)
{
  /** Turns the request log off for {@code -Dit.nexus.requestLog=false}. */
  public static final String REQUEST_LOG_PROPERTY = "it.nexus.requestLog";

  // Nexus's own default (nexus-default.properties) without its last file, jetty-requestlog.xml.
  private static final String ARGS_WITHOUT_REQUEST_LOG = "${jetty.etc}/jetty.xml,${jetty.etc}/jetty-http.xml";

  /** The password Nexus gives {@code admin} when it is told not to make up a random one. */
  public static final String FIXED_ADMIN_PASSWORD = "admin123";

  public static final String ADMIN_USER = "admin";

  private static final String LOOPBACK = "127.0.0.1";

  /** Tests log in without reading files, and the heap fits two cores and a Maven build beside it. */
  public static NexusSettings forTests(final int port) {
    return new NexusSettings(LOOPBACK, port, "512m", "1500m", false, true,
        Boolean.parseBoolean(System.getProperty(REQUEST_LOG_PROPERTY, "true")));
  }

  /** A developer's Nexus keeps Nexus's own first-start behaviour: a random admin password. */
  public static NexusSettings forDevelopment(final int port) {
    return new NexusSettings(LOOPBACK, port, "512m", "1500m", true, false, true);
  }

  /** Entries of {@code <data>/etc/nexus.properties}, where Nexus wants local settings. */
  public Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("application-host", host);
    properties.put("application-port", Integer.toString(port));
    properties.put("nexus.onboarding.enabled", "false");
    properties.put("nexus.security.randompassword", Boolean.toString(randomAdminPassword));
    if (freshUnusedBlobsCleaned) {
      properties.put("nexus.assetBlobCleanupTask.blobCreatedDelayMinute", "0");
    }
    if (!requestLog) {
      properties.put("nexus-args", ARGS_WITHOUT_REQUEST_LOG);
    }
    return properties;
  }
}
