package io.tapeflow.worker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The composition root is the only reader of the process's environment: configuration is read once,
 * in the worker's {@code cli}, {@code config} and {@code temporal} packages, and passed in as
 * values; only the CLI prints on stdout. Checked over the product classes of every module (the
 * worker sees them all), tests left out.
 */
class CompositionRootTest {
  private static final String[] ROOT = {
    "io.tapeflow.worker.cli..", "io.tapeflow.worker.config..", "io.tapeflow.worker.temporal.."
  };

  /** The methods that read environment variables or system properties, by their owner. */
  private static final Map<Class<?>, Set<String>> READERS =
      Map.of(
          System.class, Set.of("getenv", "getProperty", "getProperties"),
          Integer.class, Set.of("getInteger"),
          Long.class, Set.of("getLong"),
          Boolean.class, Set.of("getBoolean"));

  private static final DescribedPredicate<JavaMethodCall> READS_THE_ENVIRONMENT =
      DescribedPredicate.describe(
          "System.getenv, System.getProperty or a getInteger/getLong/getBoolean of a property",
          call ->
              READERS.entrySet().stream()
                  .anyMatch(
                      e ->
                          call.getTargetOwner().isEquivalentTo(e.getKey())
                              && e.getValue().contains(call.getName())));

  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // other modules' test-jars, as the reactor hands them to this module's tests
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("io.tapeflow");

  @Test
  void theImportSeesEveryModulesProductClasses_andNoTestClass() {
    assertThat(PRODUCT.stream().map(c -> c.getPackageName()))
        .anyMatch(p -> p.startsWith("io.tapeflow.changer"))
        .anyMatch(p -> p.startsWith("io.tapeflow.bacula"))
        .anyMatch(p -> p.startsWith("io.tapeflow.workflows"))
        .anyMatch(p -> p.startsWith("io.tapeflow.activities"))
        .anyMatch(p -> p.startsWith("io.tapeflow.infra"))
        .anyMatch(p -> p.startsWith("io.tapeflow.worker"));
    assertThat(PRODUCT.stream().map(c -> c.getSimpleName()))
        .noneMatch(n -> n.endsWith("Test") || n.endsWith("IT"));
  }

  @Test
  void onlyTheCompositionRootReadsEnvironmentVariablesOrSystemProperties() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT)
        .should()
        .callMethodWhere(READS_THE_ENVIRONMENT)
        .because("configuration is read once by the composition root and passed in as values")
        .check(PRODUCT);
  }

  @Test
  void onlyTheCliPrintsOnStdout() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tapeflow.worker.cli..")
        .should()
        .accessField(System.class, "out")
        .because("everything else logs through SLF4J")
        .check(PRODUCT);
  }
}
