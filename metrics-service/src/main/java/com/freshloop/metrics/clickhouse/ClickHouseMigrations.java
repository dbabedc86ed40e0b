package com.freshloop.metrics.clickhouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Flyway's idea for ClickHouse: the scripts in {@code clickhouse/migrations/V<n>__<what>.sql} are
 * applied once each, in version order, and recorded in {@code schema_migrations} with a checksum.
 * Runs while the context starts, before the Kafka listeners and the web server, so nothing touches
 * a table that is not there yet.
 *
 * <p>ClickHouse has no transactions and no locks: two instances starting together may both run a
 * script, and a crash between a script and its record re-runs it. So write statements that can run
 * twice: {@code CREATE TABLE/VIEW ... IF NOT EXISTS}. 18.16 knows no {@code ADD COLUMN IF NOT
 * EXISTS}; prefer a new table or view to an {@code ALTER}, and if one is unavoidable keep it alone in
 * its script. Statements are separated by {@code ;}; lines starting with {@code --} are comments.
 */
public class ClickHouseMigrations implements InitializingBean {

    public static final String HISTORY_TABLE = "schema_migrations";

    static final String DEFAULT_LOCATION = "classpath*:clickhouse/migrations/*.sql";

    private static final Logger log = LoggerFactory.getLogger(ClickHouseMigrations.class);
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    private final ClickHouseTemplate clickHouse;
    private final String database;
    private final String location;
    private final Clock clock;

    public ClickHouseMigrations(ClickHouseTemplate clickHouse, String database, String location, Clock clock) {
        this.clickHouse = clickHouse;
        this.database = database;
        this.location = location;
        this.clock = clock;
    }

    /** One script. */
    public record Migration(int version, String description, String checksum, List<String> statements) {}

    record Applied(int version, String checksum) {}

    record HistoryRow(
            int version,
            String description,
            String checksum,
            @JsonProperty("applied_at") String appliedAt) {}

    @Override
    public void afterPropertiesSet() {
        migrate();
    }

    /** Applies the scripts not applied yet and returns them, in the order they ran. */
    public List<Migration> migrate() {
        // Created from the system database: current servers refuse a session in a database that does not exist.
        clickHouse.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`", "system");
        clickHouse.execute("""
                CREATE TABLE IF NOT EXISTS %s (
                    version UInt32,
                    description String,
                    checksum String,
                    applied_at DateTime('UTC')
                ) ENGINE = MergeTree ORDER BY version""".formatted(HISTORY_TABLE));

        Map<Integer, String> applied =
                clickHouse.query("SELECT version, checksum FROM " + HISTORY_TABLE, Applied.class).stream()
                        .collect(Collectors.toMap(Applied::version, Applied::checksum, (a, b) -> a));
        List<Migration> pending = new ArrayList<>();
        for (Migration migration : load()) {
            String checksum = applied.get(migration.version());
            if (checksum == null) {
                pending.add(migration);
            } else if (!checksum.equals(migration.checksum())) {
                throw new IllegalStateException("ClickHouse migration V" + migration.version() + "__"
                        + migration.description() + " was changed after it was applied to " + database
                        + "; add a new migration instead of editing an applied one");
            }
        }
        for (Migration migration : pending) {
            log.info(
                    "Applying ClickHouse migration V{}__{} to {}",
                    migration.version(),
                    migration.description(),
                    database);
            migration.statements().forEach(clickHouse::execute);
            clickHouse.insert(
                    HISTORY_TABLE,
                    List.of(new HistoryRow(
                            migration.version(),
                            migration.description(),
                            migration.checksum(),
                            Sql.dateTimeValue(clock.instant()))));
        }
        if (pending.isEmpty()) {
            log.info("ClickHouse schema of {} is up to date ({} migrations)", database, applied.size());
        }
        return pending;
    }

    /** The scripts at the location, by version; two scripts with one version are a mistake. */
    List<Migration> load() {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<Integer, Migration> byVersion = new TreeMap<>();
        try {
            for (Resource resource : resolver.getResources(location)) {
                String name = resource.getFilename();
                Matcher matcher = FILE_NAME.matcher(name == null ? "" : name);
                if (!matcher.matches()) {
                    throw new IllegalStateException("ClickHouse migration " + name + " is not named V<n>__<what>.sql");
                }
                String text =
                        resource.getContentAsString(StandardCharsets.UTF_8).replace("\r\n", "\n");
                Migration migration = new Migration(
                        Integer.parseInt(matcher.group(1)), matcher.group(2), sha256(text), statements(text));
                Migration clash = byVersion.put(migration.version(), migration);
                if (clash != null) {
                    throw new IllegalStateException("two ClickHouse migrations with version " + migration.version());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ClickHouse migrations at " + location, e);
        }
        return byVersion.values().stream()
                .sorted(Comparator.comparingInt(Migration::version))
                .toList();
    }

    static List<String> statements(String script) {
        String code =
                script.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
        return Arrays.stream(code.split(";"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
