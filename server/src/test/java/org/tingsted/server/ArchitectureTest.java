package org.tingsted.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.tingsted.protocol.Limits;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The layering of ARCHITECTURE.md, checked on the compiled classes so that it cannot erode silently. */
@DisplayName("The architecture")
class ArchitectureTest {

  private static JavaClasses server;
  private static JavaClasses protocol;

  @BeforeAll
  static void importClasses() {
    server = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.tingsted.server");
    protocol = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.tingsted.protocol");
  }

  @Test
  @DisplayName("The deliberation model uses nothing but plain Java (no Vert.x, Hazelcast, Jackson or I/O), and of the protocol only its limits")
  void deliberationIsPure() {
    classes().that().resideInAPackage("org.tingsted.server.deliberation..")
        .should().onlyDependOnClassesThat(
            resideInAnyPackage("java.lang..", "java.util..", "org.tingsted.server.deliberation..")
                .or(equivalentTo(Limits.class)))
        .check(server);
  }

  @Test
  @DisplayName("The deliberation model does not know the wire format: of the protocol module it uses the limits alone, plain constants")
  void deliberationDoesNotKnowTheProtocol() {
    noClasses().that().resideInAPackage("org.tingsted.server.deliberation..")
        .should().dependOnClassesThat(resideInAnyPackage("org.tingsted.protocol..", "io.vertx..",
            "com.hazelcast..", "com.fasterxml..", "java.io..", "java.nio..", "java.net..", "java.sql..")
            .and(not(equivalentTo(Limits.class))))
        .check(server);
    classes().that().belongToAnyOf(Limits.class).should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..")
        .check(protocol);
  }

  @Test
  @DisplayName("The protocol module holds no server code")
  void protocolHoldsNoServerCode() {
    org.assertj.core.api.Assertions.assertThat(protocol).as("protocol classes found").isNotEmpty();
    noClasses().that().resideInAPackage("org.tingsted.protocol..")
        .should().dependOnClassesThat().resideInAnyPackage("org.tingsted.server..", "io.vertx..", "com.hazelcast..")
        .check(protocol);
  }

  @Test
  @DisplayName("Arrows only point down: http and gateway over control and report, over roster and streams, over journal, cluster and the model")
  void layersPointDown() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Node").definedBy("org.tingsted.server")
        .layer("Edge").definedBy("org.tingsted.server.http..", "org.tingsted.server.gateway..")
        .layer("Control").definedBy("org.tingsted.server.control..")
        .layer("Report").definedBy("org.tingsted.server.report..")
        .layer("Audit").definedBy("org.tingsted.server.audit..")
        .layer("Roster").definedBy("org.tingsted.server.roster..")
        .layer("Staff").definedBy("org.tingsted.server.staff..")
        .layer("Streams").definedBy("org.tingsted.server.streams..")
        .layer("Journal").definedBy("org.tingsted.server.journal..")
        .layer("Cluster").definedBy("org.tingsted.server.cluster..")
        .layer("Model").definedBy("org.tingsted.server.deliberation..")
        .whereLayer("Node").mayNotBeAccessedByAnyLayer()
        .whereLayer("Edge").mayOnlyBeAccessedByLayers("Node", "Edge")
        .whereLayer("Control").mayOnlyBeAccessedByLayers("Node", "Edge")
        .whereLayer("Report").mayOnlyBeAccessedByLayers("Node", "Edge")
        .whereLayer("Audit").mayOnlyBeAccessedByLayers("Node", "Edge")
        .whereLayer("Roster").mayOnlyBeAccessedByLayers("Node", "Edge", "Control")
        .whereLayer("Staff").mayOnlyBeAccessedByLayers("Node", "Edge")
        .whereLayer("Streams").mayOnlyBeAccessedByLayers("Node", "Edge", "Control", "Roster", "Staff")
        .whereLayer("Journal").mayOnlyBeAccessedByLayers("Node", "Audit", "Roster", "Streams", "Staff")
        .whereLayer("Cluster").mayOnlyBeAccessedByLayers("Node", "Edge", "Roster", "Streams", "Staff")
        .whereLayer("Model").mayOnlyBeAccessedByLayers("Node", "Edge", "Control", "Report", "Roster", "Streams")
        .check(server);
  }
}
