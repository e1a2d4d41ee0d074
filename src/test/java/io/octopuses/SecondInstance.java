package io.octopuses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;


/**
 * Another Octopuses instance in the same JVM, as the instance of an air-gapped zone would be: its own database (a
 * new in-memory H2, or a new database on the CI's MariaDB), its own data folder, master key and signing key, its own
 * process engine, its own port. Nothing is shared with the test's instance but the JVM.
 */
public final class SecondInstance implements AutoCloseable {

    private ConfigurableApplicationContext context;
    private final String[] arguments;
    private final String mysqlDatabase;
    private final String mysqlUrl;

    private SecondInstance(String[] arguments, String mysqlDatabase, String mysqlUrl) {
        this.arguments = arguments;
        this.context = run(arguments);
        this.mysqlDatabase = mysqlDatabase;
        this.mysqlUrl = mysqlUrl;
    }

    private static ConfigurableApplicationContext run(String[] arguments) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OctopusesApplication.class)
                .profiles(new TestProfiles().resolve(SecondInstance.class))
                .run(arguments);
        String engine = context.getBean(org.camunda.bpm.engine.ProcessEngine.class).getName();
        if ("default".equals(engine)) {
            context.close();
            throw new IllegalStateException("the second instance's process engine must not be named 'default'");
        }
        return context;
    }

    /** Stops the instance as a crash would leave its database (nothing is finished on the way down) and starts it again. */
    public void restart() {
        context.close();
        context = run(arguments);
    }

    /** Starts an instance named {@code name}; {@code firstUrl} is the database URL of the test's instance. */
    public static SecondInstance start(String name, String firstUrl) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Path dataDir = Files.createTempDirectory("octopuses-" + name);
        String url;
        String database = null;
        if (firstUrl.startsWith("jdbc:mysql:") || firstUrl.startsWith("jdbc:mariadb:")) {
            database = "octopuses_" + name.replaceAll("[^a-z0-9]", "_") + "_" + suffix;
            url = firstUrl.replaceFirst("/([A-Za-z0-9_]+)(\\?|$)", "/" + database + "$2");
            // as CI creates its own: utf8mb4 with a binary collation, so ids differing in case stay different
            execute(url.replaceFirst("/" + database, "/"), "CREATE DATABASE `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } else {
            url = "jdbc:h2:mem:octopuses-" + name + "-" + suffix + ";DB_CLOSE_DELAY=-1";
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", url);
        properties.put("octopuses.data-dir", dataDir.toString());
        properties.put("octopuses.master-key", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
        properties.put("octopuses.instance.name", name);
        properties.put("octopuses.bundles.inbox-dir", dataDir.resolve("bundle-inbox").toString());
        // Camunda ignores an engine name with a hyphen: a second "default" would, when closed, unregister the first's
        properties.put("camunda.bpm.process-engine-name", name.replaceAll("[^A-Za-z0-9]", ""));
        properties.put("camunda.bpm.webapp.enabled", "false");
        properties.put("spring.jmx.enabled", "false");
        // as command-line arguments: they win over the test profile's file, default properties would not
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SecondInstance(arguments, database, url);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public TestRestTemplate http() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port()));
    }

    @Override
    public void close() {
        context.close();
        if (mysqlDatabase != null) {
            try {
                execute(mysqlUrl.replaceFirst("/" + mysqlDatabase, "/"), "DROP DATABASE IF EXISTS `" + mysqlDatabase + "`");
            } catch (RuntimeException ignored) {
                // a left-over test database on the CI machine costs nothing
            }
        }
    }

    /** Runs one statement on the database server (the credentials of the mysql profile: OCTOPUSES_DB_USER/PASSWORD). */
    private static void execute(String serverUrl, String sql) {
        String user = System.getenv().getOrDefault("OCTOPUSES_DB_USER", "root");
        String password = System.getenv().getOrDefault("OCTOPUSES_DB_PASSWORD", "");
        try (var connection = java.sql.DriverManager.getConnection(serverUrl, user, password);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + serverUrl, e);
        }
    }
}
