package org.tingsted.server.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The report package")
class ReportPurityTest {

  @Test
  @DisplayName("Uses nothing but plain Java (its words read as resource bundles) and the "
      + "deliberation model: no Vert.x, Hazelcast, Jackson or I/O")
  void pure() {
    classes().that().resideInAPackage("org.tingsted.server.report..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..",
            "java.time..", "java.text..", "org.tingsted.server.deliberation..",
            "org.tingsted.server.report..")
        .check(new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tingsted.server.report"));
  }
}
