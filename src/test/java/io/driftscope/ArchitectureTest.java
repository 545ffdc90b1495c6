package io.driftscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the dependencies between packages pointing the way DESIGN.md draws them. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.driftscope");
  }

  private static void forbid(String pkg, String... others) {
    noClasses()
        .that()
        .resideInAPackage(pkg)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void coreDependsOnNothingOfOurs() {
    forbid(
        "io.driftscope.core..",
        "io.driftscope.source..",
        "io.driftscope.normalize..",
        "io.driftscope.diff..",
        "io.driftscope.compare..",
        "io.driftscope.apply..",
        "io.driftscope.tui..",
        "io.driftscope.cli..",
        "io.driftscope.demo..",
        "io.driftscope.config..");
  }

  @Test
  void sourcesDoNotReachUp() {
    forbid(
        "io.driftscope.source..",
        "io.driftscope.diff..",
        "io.driftscope.compare..",
        "io.driftscope.apply..",
        "io.driftscope.tui..",
        "io.driftscope.cli..");
  }

  @Test
  void normalizeAndDiffArePure() {
    forbid(
        "io.driftscope.normalize..",
        "io.driftscope.source..",
        "io.driftscope.diff..",
        "io.driftscope.compare..",
        "io.driftscope.tui..",
        "io.driftscope.cli..",
        "io.fabric8..",
        "com.github.dockerjava..");
    forbid(
        "io.driftscope.diff..",
        "io.driftscope.source..",
        "io.driftscope.compare..",
        "io.driftscope.tui..",
        "io.driftscope.cli..",
        "io.fabric8..",
        "com.github.dockerjava..");
  }

  @Test
  void applyKnowsOnlyContracts() {
    forbid(
        "io.driftscope.apply..",
        "io.driftscope.tui..",
        "io.driftscope.cli..",
        "io.driftscope.demo..",
        "io.driftscope.source.file..",
        "io.driftscope.source.kubernetes..",
        "io.driftscope.source.docker..",
        "io.fabric8..",
        "com.googlecode.lanterna..",
        "org.jline..");
  }

  @Test
  void compareHasNoTerminalCode() {
    forbid(
        "io.driftscope.compare..",
        "io.driftscope.tui..",
        "io.driftscope.cli..",
        "com.googlecode.lanterna..",
        "org.jline..");
  }

  @Test
  void tuiSeesNoBackendSdkNorCli() {
    forbid(
        "io.driftscope.tui..",
        "io.driftscope.cli..",
        "io.fabric8..",
        "com.github.dockerjava..",
        "io.driftscope.source.kubernetes..",
        "io.driftscope.source.docker..");
  }

  @Test
  void backendSdksStayInTheirSubpackage() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.driftscope.source.kubernetes..", "io.driftscope.demo..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.fabric8..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("io.driftscope.source.docker..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.github.dockerjava..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void nothingDependsOnCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.driftscope.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.driftscope.cli..")
        .check(classes);
  }
}
