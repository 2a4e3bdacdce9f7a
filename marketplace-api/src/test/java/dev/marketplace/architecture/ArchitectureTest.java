package dev.marketplace.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-way dependencies of ARCHITECTURE.md, checked on the compiled classes of every server-side module:
 * billing ← marketplace-ejb ← provider-onboarding ← marketplace-api; vendor SDKs in one package each.
 * (The portal's classes are checked by the same rules in portal-ui's own build, where they are on the classpath.)
 */
class ArchitectureTest {
    private static final String[] EJB_FEATURES = {"dev.marketplace.catalog..", "dev.marketplace.developers..",
            "dev.marketplace.keys..", "dev.marketplace.metering..", "dev.marketplace.routing..",
            "dev.marketplace.gateway..", "dev.marketplace.simulator..", "dev.marketplace.demo..",
            "dev.marketplace.platform..", "dev.marketplace.account..", "dev.marketplace.activity..",
            "dev.marketplace.platform..", "dev.marketplace.account..", "dev.marketplace.credits..",
            "dev.marketplace.payments.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.marketplace");
    }

    @Test
    void billingDependsOnNothingOfOurs() {
        classes().that().resideInAPackage("dev.marketplace.billing..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.marketplace.billing..", "java..", "javax..",
                        "jakarta..", "com.stripe..")
                .check(classes);
    }

    @Test
    void marketplaceCoreDoesNotReachUp() {
        noClasses().that().resideInAnyPackage(EJB_FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage("dev.marketplace.onboarding..", "dev.marketplace.api..",
                        "dev.marketplace.ui..")
                .check(classes);
    }

    @Test
    void onboardingDoesNotReachUp() {
        noClasses().that().resideInAPackage("dev.marketplace.onboarding..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.marketplace.api..", "dev.marketplace.ui..")
                .check(classes);
    }

    @Test
    void upstreamHttpOnlyInUpstreamAdapters() {
        noClasses().that().resideOutsideOfPackages("dev.marketplace.routing.upstream..",
                        "dev.marketplace.platform.outbound..", "dev.marketplace.onboarding..infrastructure.keycloak..")
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .check(classes);
    }

    @Test
    void stripeOnlyInBillingsStripeAdapter() {
        noClasses().that().resideOutsideOfPackage("dev.marketplace.billing..infrastructure.stripe..")
                .should().dependOnClassesThat().resideInAPackage("com.stripe..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void resourcesDoNotTouchPersistenceDirectly() {
        noClasses().that().resideInAPackage("dev.marketplace.api..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "java.sql..", "javax.sql..")
                .check(classes);
    }
}
