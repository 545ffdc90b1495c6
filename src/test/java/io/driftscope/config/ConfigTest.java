package io.driftscope.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsEnvironmentsRulesSettingsAndNamespaceMap() throws Exception {
    Path file =
        write(
            "driftscope.yaml",
            """
            environments:
              local:   compose:./docker-compose.yml
              staging: k8s://staging/shop
              prod:    { source: k8s://prod/shop, protected: true }
            ignore:
              - kind: Deployment
                jsonPointers: [/spec/replicas]
              - group: "*"
                kind: "*"
                managedFieldsManagers: [kube-controller-manager]
            kubernetes:
              clusterScoped: false
              skipKinds: [Event, Lease]
            namespaceMap: { shop-staging: shop-prod }
            """);
    Config c = Config.read(file);
    assertEquals(List.of("local", "staging", "prod"), List.copyOf(c.environments().keySet()));
    assertTrue(c.environment("prod").orElseThrow().isProtected());
    assertEquals("k8s://staging/shop", c.environment("staging").orElseThrow().spec());
    assertEquals(2, c.ignoreRules().size());
    assertEquals(6, c.ignoreRules().get(0).line());
    assertEquals(8, c.ignoreRules().get(1).line());
    assertEquals(List.of("Event", "Lease"), c.settings().get("kubernetes.skipKinds"));
    assertEquals(false, c.settings().get("kubernetes.clusterScoped"));
    assertEquals(Map.of("shop-staging", "shop-prod"), c.namespaceMap());
  }

  @Test
  void looksUpExplicitThenLocalThenXdg() throws Exception {
    write("xdg/driftscope/config.yaml", "environments: { a: x.yaml }\n");
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    Path work = Files.createDirectories(dir.resolve("work"));
    assertTrue(Config.load(null, work, env).environment("a").isPresent());
    write("work/driftscope.yaml", "environments: { b: y.yaml }\n");
    Config local = Config.load(null, work, env);
    assertTrue(local.environment("b").isPresent());
    assertTrue(local.environment("a").isEmpty());
    Path explicit = write("other.yaml", "environments: { c: z.yaml }\n");
    assertTrue(Config.load(explicit, work, env).environment("c").isPresent());
  }

  @Test
  void errorsNameFileAndLine() throws Exception {
    Path bad = write("bad.yaml", "environments:\n  prod: [1, 2]\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Config.read(bad));
    assertTrue(e.getMessage().startsWith(bad + ":2:"), e.getMessage());

    Path unknown = write("unknown.yaml", "environments: {}\nignores: []\n");
    e = assertThrows(ConfigException.class, () -> Config.read(unknown));
    assertTrue(e.getMessage().contains(unknown + ":2: unknown key 'ignores'"), e.getMessage());

    Path malformed = write("malformed.yaml", "environments:\n  a: b\n c: [\n");
    e = assertThrows(ConfigException.class, () -> Config.read(malformed));
    assertTrue(e.getMessage().startsWith(malformed + ":3:"), e.getMessage());

    Path missing = dir.resolve("nope.yaml");
    e = assertThrows(ConfigException.class, () -> Config.load(missing, dir, Map.of()));
    assertTrue(e.getMessage().contains("no such config file"), e.getMessage());
  }
}
