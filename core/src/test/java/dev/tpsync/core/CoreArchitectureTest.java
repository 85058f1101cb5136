package dev.tpsync.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tpsync.core");

    @Test
    void coreDependsOnNoSpringOkHttpOrResilience4j() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "okhttp3..", "io.github.resilience4j..")
                .because("core is the plain domain shared by every module")
                .check(CORE);
    }

    @Test
    void theRuleSeesTheCoreClasses() {
        org.assertj.core.api.Assertions.assertThat(CORE.containPackage("dev.tpsync.core.plan.csv")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CORE.contain("dev.tpsync.core.credentials.TokenParser")).isTrue();
    }
}
