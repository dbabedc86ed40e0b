package com.freshloop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.deployment.compose.ComposeRules;
import com.freshloop.deployment.kubernetes.Expectations;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The files around the manifests: Dockerfiles, the shared init script, secrets templates, the dashboard. */
class DeploymentAssetsTests {

    private final Repository repository = Fixtures.repository();

    @Test
    void theSpringBootImageIsLayeredOnTheJreAndRunsAsANumericNonRootUser() {
        String dockerfile = Repository.read(repository.docker().resolve("spring-boot.Dockerfile"));

        assertThat(dockerfile)
                .contains("FROM eclipse-temurin:17-jre AS layers")
                .contains("java -Djarmode=tools -jar app.jar extract --layers --launcher")
                .contains("COPY --from=layers /build/extracted/dependencies/ ./")
                .contains("COPY --from=layers /build/extracted/application/ ./")
                .contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
        assertThat(lastUser(dockerfile)).matches("[1-9][0-9]*:[1-9][0-9]*");
    }

    @Test
    void theStreamJobsImageIsTheOfficialFlinkImageOfThePlatformsFlinkVersion() {
        String dockerfile = Repository.read(repository.docker().resolve("stream-jobs.Dockerfile"));
        String flink = Expectations.of(repository).flinkVersion();

        assertThat(dockerfile)
                .contains("FROM flink:" + flink + "-java17")
                .contains("/opt/flink/usrlib/stream-jobs.jar");
    }

    @Test
    void theBuildContextOnlyCarriesWhatTheImagesNeed() {
        for (String image : List.of("spring-boot", "stream-jobs")) {
            List<String> lines = Repository.read(repository.docker().resolve(image + ".Dockerfile.dockerignore"))
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();

            assertThat(lines).as(image).startsWith("*");
            assertThat(lines)
                    .as("%s: only jars and docker/ scripts are let back in", image)
                    .allMatch(
                            line -> line.equals("*") || line.matches("!(\\*|stream-jobs)/target/.*\\.jar|!docker/.*"));
        }
    }

    @Test
    void composeAndKubernetesCreateTheDatabasesWithTheSameScript() {
        assertThat(Repository.read(repository.k8s().resolve("base/postgres/init-databases.sh")))
                .isEqualTo(Repository.read(repository.docker().resolve("postgres/init-databases.sh")));
    }

    @Test
    void theEnvExampleListsExactlyTheSecretsComposeRequires() {
        String compose = Repository.read(repository.composeFile());
        Set<String> required = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?").matcher(compose);
        while (matcher.find()) {
            required.add(matcher.group(1));
        }
        Set<String> example = ComposeRules.envFileKeys(Repository.read(repository.envExample()));

        assertThat(example).containsExactlyInAnyOrderElementsOf(required);
    }

    @Test
    void secretsFilesOfTheOverlaysAreNeverCommitted() {
        assertThat(Repository.read(repository.k8s().resolve(".gitignore"))).contains("overlays/*/secrets.env");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDashboardPanelQueriesPrometheus() {
        Map<String, Object> dashboard = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Repository.read(repository.k8s().resolve("components/monitoring/freshloop-dashboard.json")));
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");

        assertThat(dashboard).containsEntry("uid", "freshloop-overview");
        assertThat(panels).isNotEmpty();
        for (Map<String, Object> panel : panels) {
            List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.get("targets");
            assertThat(targets).as("%s", panel.get("title")).isNotEmpty();
            targets.forEach(target -> assertThat(String.valueOf(target.get("expr")))
                    .as("%s", panel.get("title"))
                    .contains("$namespace"));
        }
        assertThat(panels)
                .extracting(panel -> String.valueOf(panel.get("title")))
                .contains(
                        "Requests per second by service",
                        "HPA: current and desired replicas",
                        "Kafka consumer lag by group and topic");
    }

    private static String lastUser(String dockerfile) {
        String user = null;
        for (String line : dockerfile.lines().toList()) {
            if (line.startsWith("USER ")) {
                user = line.substring("USER ".length()).strip();
            }
        }
        return user;
    }
}
