package io.github.nexuspypi.repository.pypi.internal.group;

import java.util.HashMap;
import java.util.Map;

import org.sonatype.nexus.repository.config.Configuration;
import org.sonatype.nexus.repository.config.SimpleConfiguration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupSettingsTest
{
  @Test
  void theGuardIsOnUnlessSwitchedOff() {
    assertTrue(GroupSettings.of((Boolean) null).guard());
    assertTrue(GroupSettings.of(true).guard());
    assertFalse(GroupSettings.of(false).guard());
  }

  @Test
  void aGroupWithoutTheSettingIsGuardedAndReadingAddsNoSectionToIt() {
    Configuration created = new SimpleConfiguration();
    Map<String, Object> group = new HashMap<>();
    group.put("memberNames", "hosted");
    Map<String, Map<String, Object>> attributes = new HashMap<>();
    attributes.put("group", group);
    created.setAttributes(attributes);

    assertTrue(GroupSettings.of(created).guard());
    assertNull(created.getAttributes().get(GroupSettings.SECTION));
  }

  @Test
  void aGroupWithoutAnyAttributesIsGuarded() {
    assertTrue(GroupSettings.of(new SimpleConfiguration()).guard());
  }

  @Test
  void whatIsWrittenIsReadBack() {
    Configuration configuration = new SimpleConfiguration();

    GroupSettings.of(false).writeTo(configuration);
    assertFalse(GroupSettings.of(configuration).guard());
    assertEquals(false, configuration.getAttributes().get("pypi").get("dependencyConfusionGuard"),
        "the key the REST API and existing configurations use");

    GroupSettings.of(true).writeTo(configuration);
    assertTrue(GroupSettings.of(configuration).guard());
  }

  @Test
  void aValueThatIsNoBooleanLeavesTheGuardOn() {
    Configuration configuration = new SimpleConfiguration();
    configuration.attributes(GroupSettings.SECTION).set(GroupSettings.GUARD, "off");

    assertTrue(GroupSettings.of(configuration).guard());
  }
}
