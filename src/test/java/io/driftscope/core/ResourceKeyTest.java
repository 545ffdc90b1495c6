package io.driftscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResourceKeyTest {

  @Test
  void writesTheCommandLineForm() {
    assertEquals(
        "Deployment.apps/shop/api",
        new ResourceKey("apps", "Deployment", "shop", "api").toString());
    assertEquals(
        "ClusterRole.rbac.authorization.k8s.io/admin",
        new ResourceKey("rbac.authorization.k8s.io", "ClusterRole", "", "admin").toString());
    assertEquals(
        "ConfigMap/shop/flags", new ResourceKey("", "ConfigMap", "shop", "flags").toString());
  }

  @Test
  void parsedKeysMatchLoosely() {
    ResourceKey api = new ResourceKey("apps", "Deployment", "shop", "api");
    assertTrue(ResourceKey.parse("Deployment.apps/shop/api").matches(api));
    assertTrue(ResourceKey.parse("Deployment/api").matches(api));
    assertTrue(ResourceKey.parse("deployment/shop/api").matches(api));
    assertFalse(ResourceKey.parse("Deployment.extensions/shop/api").matches(api));
    assertFalse(ResourceKey.parse("Deployment/prod/api").matches(api));
    ResourceKey role = new ResourceKey("rbac.authorization.k8s.io", "ClusterRole", "", "admin");
    assertTrue(ResourceKey.parse("ClusterRole.rbac.authorization.k8s.io/admin").matches(role));
  }

  @Test
  void rejectsMalformedKeys() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ResourceKey.parse("api"));
    assertTrue(e.getMessage().contains("KIND[.GROUP]/[NAMESPACE/]NAME"), e.getMessage());
  }

  @Test
  void sortsByGroupKindNamespaceName() {
    ResourceKey a = new ResourceKey("", "Service", "a", "x");
    ResourceKey b = new ResourceKey("apps", "Deployment", "a", "x");
    assertTrue(a.compareTo(b) < 0);
  }

  @Test
  void equalKeysAreEqualHashAndOrderAlikeWhateverStringsTheyHold() {
    // Keys read from different files hold equal strings that are not the same objects.
    ResourceKey a = new ResourceKey("apps", "Deployment", "shop", "api");
    ResourceKey b =
        new ResourceKey(
            new String("apps"), new String("Deployment"), new String("shop"), new String("api"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(0, a.compareTo(b));
    assertFalse(a.equals(new ResourceKey("apps", "Deployment", "shop", "web")));
    assertTrue(a.compareTo(new ResourceKey("apps", "Deployment", "shop", "web")) < 0);
    assertTrue(new ResourceKey("apps", "Deployment", "shop", "web").compareTo(b) > 0);
    assertTrue(a.compareTo(new ResourceKey(new String("apps"), "Deployment", "zoo", "a")) < 0);
  }

  @Test
  void groupsOfApiVersionsAreShared() {
    assertEquals("apps", ResourceKey.groupOf("apps/v1"));
    assertEquals("", ResourceKey.groupOf("v1"));
    assertSame(ResourceKey.groupOf("apps/v1"), ResourceKey.groupOf(new String("apps/v1beta2")));
  }
}
