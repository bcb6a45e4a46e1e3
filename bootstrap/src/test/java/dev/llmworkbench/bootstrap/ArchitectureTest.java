package dev.llmworkbench.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rule of docs/ARCHITECTURE.md: domain <- application <- adapters <- bootstrap, and nothing else. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.llmworkbench");

    private static final String[] FRAMEWORKS = {"jakarta..", "javax..", "org.eclipse.microprofile..", "org.jdbi..",
            "com.mongodb..", "org.bson..", "java.sql..", "java.net.http..", "org.sqlite.."};

    @Test
    void layersDependInwardOnlyAndAdaptersNeverOnEachOther() {
        onionArchitecture()
                .domainModels("dev.llmworkbench.domain..")
                .applicationServices("dev.llmworkbench.application..")
                .adapter("rest", "dev.llmworkbench.rest..")
                .adapter("persistence", "dev.llmworkbench.persistence..")
                .adapter("loadgen", "dev.llmworkbench.loadgen..")
                .withOptionalLayers(true)
                // bootstrap is the composition root: it may know every layer, and the rule below keeps everyone else from knowing it
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("dev.llmworkbench.bootstrap.."), DescribedPredicate.alwaysTrue())
                .check(CLASSES);
    }

    @Test
    void domainAndApplicationImportNoFramework() {
        noClasses().that().resideInAnyPackage("dev.llmworkbench.domain..", "dev.llmworkbench.application..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(CLASSES);
    }

    @Test
    void onlyBootstrapKnowsTheWiring() {
        noClasses().that().resideOutsideOfPackage("dev.llmworkbench.bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("dev.llmworkbench.bootstrap..")
                .check(CLASSES);
    }
}
