package dev.berth.ecs.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A test tagged {@link NoStore} reaches no store, so leaving it out of the PostgreSQL pass loses nothing. */
class NoStoreTest {
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages("dev.berth");

    @Test
    void aTestTaggedNoStoreReachesNoStoreEvenThroughItsHelpers() {
        assertTrue(CLASSES.stream().anyMatch(NoStoreTest::isTagged), "the rule below is not vacuous");
        noClasses().that(describe("are tagged " + NoStore.TAG, NoStoreTest::isTagged))
                .should().transitivelyDependOnClassesThat().resideInAnyPackage(
                        "dev.berth.ecs.store..", "dev.berth.ecs.control..", "dev.berth.sqlite..", "dev.berth.pg..",
                        "dev.berth.state..")
                .check(CLASSES);
    }

    private static boolean isTagged(JavaClass c) {
        return c.tryGetAnnotationOfType(Tag.class).map(t -> t.value().equals(NoStore.TAG)).orElse(false);
    }
}
