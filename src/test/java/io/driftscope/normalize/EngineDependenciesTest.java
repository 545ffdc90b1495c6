package io.driftscope.normalize;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine's packages depend one way: normalize on core only, diff on core and normalize. */
class EngineDependenciesTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.driftscope");

  @Test
  void normalizeDependsOnCoreOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.driftscope.normalize..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.driftscope.diff..",
            "io.driftscope.source..",
            "io.driftscope.compare..",
            "io.driftscope.apply..",
            "io.driftscope.tui..",
            "io.driftscope.cli..")
        .check(CLASSES);
  }

  @Test
  void diffIsPure() {
    noClasses()
        .that()
        .resideInAPackage("io.driftscope.diff..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.driftscope.source..",
            "io.driftscope.compare..",
            "io.driftscope.apply..",
            "io.driftscope.tui..",
            "io.driftscope.cli..",
            "java.io.File",
            "java.nio.file..")
        .check(CLASSES);
  }
}
