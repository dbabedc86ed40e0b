package com.freshloop.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker inside this JVM, for running the platform on one machine without Docker:
 * KRaft combined mode (one node is broker and controller) on fixed ports, storage formatted on first
 * start, and every platform topic plus its dead-letter topic created. One node means replication
 * factor 1 everywhere, so this is for local runs and tests only.
 *
 * <p>{@code ./freshloop up} runs {@link #main} and waits for the line {@value #READY} on stdout.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Printed on stdout once the broker serves requests and every topic exists. */
    public static final String READY = "kafka ready";

    private static final int NODE_ID = 1;

    private final Settings settings;
    private final KafkaRaftServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(Settings settings, KafkaRaftServer server) {
        this.settings = settings;
        this.server = server;
    }

    /** Where the broker listens and keeps its data; parsed from {@code --port}, {@code --controller-port}, {@code --data-dir}. */
    public record Settings(int port, int controllerPort, Path dataDir) {

        static final String USAGE = "usage: KafkaBroker [--port 9092] [--controller-port 9093] [--data-dir DIR]";

        public static Settings defaults() {
            return new Settings(9092, 9093, Path.of(".freshloop", "data", "kafka"));
        }

        public static Settings parse(String... args) {
            Settings settings = defaults();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                String value;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(name + " needs a value; " + USAGE);
                }
                settings = switch (name) {
                    case "--port" -> new Settings(port(name, value), settings.controllerPort, settings.dataDir);
                    case "--controller-port" -> new Settings(settings.port, port(name, value), settings.dataDir);
                    case "--data-dir" -> new Settings(settings.port, settings.controllerPort, Path.of(value));
                    default -> throw new IllegalArgumentException("unknown argument " + name + "; " + USAGE);
                };
            }
            return settings;
        }

        private static int port(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'", e);
            }
        }

        public String bootstrapServers() {
            return "localhost:" + port;
        }

        Path logDir() {
            return dataDir.toAbsolutePath().resolve("logs");
        }
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        configureLogging(settings);
        KafkaBroker broker;
        try {
            broker = start(settings);
        } catch (Exception e) {
            log().error("Kafka broker failed to start", e);
            System.err.println("kafka failed: " + e);
            // The broker's own threads are not daemons; without exit a half-started JVM lingers.
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-shutdown"));
        System.out.println("kafka listening on " + settings.bootstrapServers() + ", controller on localhost:"
                + settings.controllerPort() + ", data in " + settings.dataDir().toAbsolutePath() + ", topics: "
                + String.join(" ", PlatformTopics.names()));
        System.out.println(READY);
        System.out.flush();
        broker.server.awaitShutdown();
    }

    /** Formats the storage if needed, starts the broker and creates the platform topics. */
    public static KafkaBroker start(Settings settings) throws Exception {
        Properties config = serverConfig(settings);
        formatStorageIfNew(settings, config);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(settings, server);
        try {
            PlatformTopics.ensure(settings.bootstrapServers());
        } catch (Exception e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    static Properties serverConfig(Settings settings) {
        String controller = "localhost:" + settings.controllerPort();
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + controller);
        config.put("listeners", "PLAINTEXT://" + settings.bootstrapServers() + ",CONTROLLER://" + controller);
        config.put("advertised.listeners", "PLAINTEXT://" + settings.bootstrapServers());
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", settings.logDir().toString());
        config.put("num.partitions", String.valueOf(PlatformTopics.PARTITIONS));
        // A single node: every internal topic must live with one replica.
        config.put("default.replication.factor", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than the production defaults (50): faster start on a 2-core laptop.
        config.put("offsets.topic.num.partitions", "3");
        config.put("transaction.state.log.num.partitions", "3");
        config.put("share.coordinator.state.topic.num.partitions", "3");
        // Consumers of a one-node cluster need not wait for more members to join.
        config.put("group.initial.rebalance.delay.ms", "0");
        return config;
    }

    /**
     * Formats the log directory the first time (what {@code kafka-storage.sh format} does); an
     * already formatted directory is kept, so topics and records survive a restart.
     */
    private static void formatStorageIfNew(Settings settings, Properties config) throws IOException {
        Path logDir = settings.logDir();
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(logDir);
        Path configFile = settings.dataDir().toAbsolutePath().resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            config.store(out, "written by com.freshloop.local.KafkaBroker for kafka-storage format");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(
                    new String[] {
                        "format",
                        "--config",
                        configFile.toString(),
                        "--cluster-id",
                        Uuid.randomUuid().toString(),
                        "--ignore-formatted"
                    },
                    print);
        }
        String message = output.toString(StandardCharsets.UTF_8).strip();
        if (status != 0) {
            throw new IllegalStateException("formatting " + logDir + " failed (" + status + "): " + message);
        }
        log().info("{}", message);
    }

    /**
     * The broker logs a lot at INFO; send it to a file ({@code -Dfreshloop.broker.log}, by default
     * {@code broker.log} in the data directory) and keep stdout for warnings and the ready line.
     */
    private static void configureLogging(Settings settings) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "freshloop-local-logback.xml");
        }
        if (System.getProperty("freshloop.broker.log") == null) {
            System.setProperty(
                    "freshloop.broker.log",
                    settings.dataDir().toAbsolutePath().resolve("broker.log").toString());
        }
    }

    // Looked up late: main must set the logging properties before logback initialises.
    private static Logger log() {
        return LoggerFactory.getLogger(KafkaBroker.class);
    }
}
