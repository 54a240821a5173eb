// Runs a real Neo4j Community DBMS (embedded, Bolt on) for tests; started by scripts/neo4j.sh.
// Usage: java ... Server <home-dir> <port> [page-cache-size, e.g. 512m or 2g]
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public final class Server {
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: Server <home-dir> <port> [page-cache-size]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        // The page cache should hold the whole store: a benchmark corpus of 100,000 documents
        // takes about a gigabyte, and reads that miss it go to disk.
        long pageCache = args.length == 3 ? ByteUnit.parse(args[2]) : 128L << 20;
        Path ready = home.resolve("READY");
        Files.deleteIfExists(ready);

        // Embedded defaults differ from the packaged server: Bolt and auth are off, and the page
        // cache would size itself from total RAM, so everything that matters is set explicitly.
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                // Transaction logs are only kept for recovery: loading the benchmark corpus would
                // otherwise leave gigabytes of them in /tmp.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // Bolt shutdown otherwise idles through two 5 s drain waits; a test server has
                // nothing worth draining, and a slow stop slows every test cycle.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        // The hook runs on SIGTERM/SIGINT; shutting down flushes the store so the JVM exits cleanly.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j: shutting down");
            try {
                dbms.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        // build() returns once the databases are started, but only a real query proves the
        // default database accepts work; the launcher waits for this file.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        Path tmp = home.resolve("READY.tmp");
        Files.writeString(tmp, "bolt://127.0.0.1:" + port + "\n");
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("neo4j: ready on bolt://127.0.0.1:" + port);

        stopped.await();
    }
}
