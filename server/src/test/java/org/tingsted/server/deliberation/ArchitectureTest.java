package org.tingsted.server.deliberation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  @Test
  @DisplayName("The deliberation model uses nothing but plain Java: java.lang and java.util")
  void plainJavaOnly() {
    JavaClasses model = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.tingsted.server.deliberation");
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("java.lang..", "java.util..", "org.tingsted.server.deliberation..")
        .check(model);
  }
}
