package vn.childprotection.platform.deploy;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static de.bwaldvogel.mongo.backend.Constants.ID_FIELD;

/**
 * The MongoDB-wire stand-in for a developer machine: {@code mongo-java-server} with its H2 (MVStore) file backend,
 * so data survives a restart. Not MongoDB: no multi-document transactions, no {@code $text}, TTL indexes ignored
 * (see the README).
 *
 * <p>A write is answered only once it is in the file, and H2 commits and compacts only while no command runs
 * ({@link GroupCommit}); H2's own background thread is off. A store whose commit failed
 * answers every command with an error ({@link #failure()}), and its owner is told once ({@code onFailure}).
 */
public final class LocalMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMongoStore.class);
    /** Commands answered without logging the client's document: client errors are the client's to log. */
    private static final Logger commands = LoggerFactory.getLogger(LocalMongoStore.class.getName() + ".commands");

    /**
     * @param host      address to bind (loopback by default)
     * @param port      port to bind; 0 picks a free one
     * @param storeFile the H2 MVStore file, e.g. {@code var/mongo/store.mv}; {@code null} keeps everything in memory
     * @param oplog     whether writes are also appended to the oplog (needed only for change streams, which no service
     *                  uses). The oplog is one collection every write of every database goes through, so
     *                  {@code ./platform} turns it off.
     * @param cacheMb   the MVStore page cache in MB. H2's default (16 MB) keeps almost nothing of a loaded stack's
     *                  data deserialised, so every scan read and deserialised every page again (measured here: a scan
     *                  of 20,000 documents of 2.6 KB took 320 ms with 16 MB and 14 ms with 256 MB)
     */
    public record Settings(String host, int port, Path storeFile, boolean oplog, int cacheMb) {

        /** The page cache {@code ./platform} gives the stand-in (MB), within its 1 GB heap. */
        public static final int DEFAULT_CACHE_MB = 256;

        public Settings {
            storeFile = storeFile == null ? null : storeFile.toAbsolutePath().normalize();
            if (cacheMb < 1) {
                throw new IllegalArgumentException("the store's cache must be at least 1 MB, got " + cacheMb);
            }
        }

        public Settings(String host, int port, Path storeFile, boolean oplog) {
            this(host, port, storeFile, oplog, DEFAULT_CACHE_MB);
        }

        public Settings(String host, int port, Path storeFile) {
            this(host, port, storeFile, true);
        }
    }

    /**
     * H2 splits a page above this size (its default: 16 KB). Every write re-serialises the whole page it touched, and
     * the old copy stays in the file until compaction: with 4 KB pages the file grew 22-24 % less in the same bench
     * ({@code --rates 100 --duration 20}, three pairs: 521-539 MB against 682-690 MB), at the same routed rate.
     */
    static final int PAGE_SPLIT_BYTES = 4096;
    /**
     * Network threads. A write's thread waits for the commit that includes it, and a connection stays on one thread:
     * enough threads that connections seldom share one (the four services keep a few dozen open).
     */
    static final int WORKER_THREADS = 64;
    /**
     * How long a chunk no version needs any more is kept before its space is reused (H2's default: 45 s). With a
     * commit every few milliseconds, 45 s of dead chunks was most of the file; a killed process needs none of them
     * (its last commit is whole in the file), only a power cut without fsync could.
     */
    static final int RETENTION_MILLIS = 5_000;
    /** How often the commit thread compacts, between commits. */
    static final Duration HOUSEKEEPING_INTERVAL = Duration.ofMillis(500);
    /** A write not committed within this is answered with an error (its outcome unknown to the client). */
    static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(20);
    /** Chunks less full than this are rewritten (their live pages copied into the next commit)... */
    static final int CHUNK_FILL_TARGET = 80;
    /** ... up to this many bytes per housekeeping. */
    static final int REWRITE_BYTES = 4 * 1024 * 1024;
    /** The file is compacted (chunks moved down, the file truncated) when less of it than this is in use... */
    static final int FILE_FILL_TARGET = 70;
    /** ... moving at most this many bytes per housekeeping. */
    static final long MOVE_BYTES = 8L * 1024 * 1024;
    /** Commands that only read: answered without waiting for a commit. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "aggregate",
            "listcollections", "listindexes", "listdatabases", "dbstats", "collstats", "serverstatus", "getparameter",
            "getlasterror", "killcursors", "endsessions", "connectionstatus", "hostinfo", "getcmdlineopts", "getlog",
            "explain", "getfreemonitoringstatus");
    /** Commands about the server, not its data: answered at once, even while the store commits or compacts. */
    private static final Set<String> HANDSHAKES = Set.of("hello", "ismaster", "ping", "buildinfo", "whatsmyuri");

    private final Settings settings;
    private final Consumer<Throwable> onFailure;

    private MongoServer server;
    private Backend backend;
    private GroupCommit groupCommit;
    private InetSocketAddress address;

    public LocalMongoStore(Settings settings) {
        this(settings, failure -> {
        });
    }

    /** @param onFailure told once, from the commit thread, when a commit fails and the store stops accepting commands */
    public LocalMongoStore(Settings settings, Consumer<Throwable> onFailure) {
        this.settings = settings;
        this.onFailure = onFailure;
    }

    public synchronized LocalMongoStore start() {
        if (server != null) {
            return this;
        }
        long started = System.nanoTime();
        // H2 commits neither on a thread of its own nor in a writer's thread (when unsaved changes pile up): only the
        // commit thread of GroupCommit does, when no command runs
        MVStore.Builder builder = new MVStore.Builder().cacheSize(settings.cacheMb()).autoCommitDisabled()
                .autoCommitBufferSize(0);
        if (settings.storeFile() != null) {
            try {
                Files.createDirectories(settings.storeFile().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builder.fileName(settings.storeFile().toString()).pageSplitSize(PAGE_SPLIT_BYTES);
        }
        MVStore mvStore = builder.open();
        mvStore.setRetentionTime(RETENTION_MILLIS);
        Backend h2 = new Backend(mvStore);
        GroupCommit commits = new GroupCommit(new GroupCommit.Store() {
            @Override
            public void commit() {
                mvStore.commit();
            }

            @Override
            public void housekeeping() {
                compact(mvStore);
            }
        }, HOUSEKEEPING_INTERVAL, COMMIT_TIMEOUT, onFailure);
        h2.groupCommit = commits;
        MongoServer mongo = new MongoServer(h2);
        if (settings.oplog()) {
            mongo.enableOplog();
        }
        try {
            mongo.bind(new InetSocketAddress(settings.host(), settings.port()), 1, WORKER_THREADS);
        } catch (RuntimeException e) {
            commits.close();
            h2.close();
            throw e;
        }
        backend = h2;
        groupCommit = commits;
        server = mongo;
        address = mongo.getLocalAddress();
        log.info("MongoDB stand-in (mongo-java-server, H2 {}, cache {} MB, oplog {}, group commit) listening on {}, "
                        + "started in {} ms",
                settings.storeFile() == null ? "in memory" : settings.storeFile(), settings.cacheMb(),
                settings.oplog() ? "on" : "off",
                connectionString(),
                (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    /**
     * Compaction, bounded per call: the live pages of chunks that are mostly dead are rewritten into the next commit,
     * and the file is shortened by moving chunks down once enough of it is free. H2's background thread did this
     * while commands ran; here it runs between commits, under the same lock.
     */
    private static void compact(MVStore mvStore) {
        FileStore<?> file = mvStore.getFileStore();
        if (file == null) {
            return;
        }
        if (file.getChunksFillRate() < CHUNK_FILL_TARGET) {
            mvStore.compact(CHUNK_FILL_TARGET, REWRITE_BYTES);
        }
        if (file instanceof RandomAccessStore randomAccess) {
            randomAccess.compactMoveChunks(FILE_FILL_TARGET, MOVE_BYTES, mvStore);
        }
    }

    /** {@code mongodb://host:port} (no database: each service picks its own). */
    public synchronized String connectionString() {
        if (address == null) {
            throw new IllegalStateException("not started");
        }
        return "mongodb://" + settings.host() + ":" + address.getPort();
    }

    public synchronized int port() {
        if (address == null) {
            throw new IllegalStateException("not started");
        }
        return address.getPort();
    }

    /** {@code null} while the store commits; what made it stop otherwise. */
    public synchronized Throwable failure() {
        return groupCommit == null ? null : groupCommit.failure();
    }

    /**
     * The store's health: UP while it commits what it is given (no write older than {@code stalledAfter} waiting for
     * its commit), DOWN with the reason otherwise.
     */
    public synchronized Health health(Duration stalledAfter) {
        if (groupCommit == null) {
            return new Health(false, "not started", 0, null, fileBytes(), -1, -1);
        }
        Throwable failed = groupCommit.failure();
        long pending = groupCommit.pendingWrites();
        Duration since = groupCommit.sinceLastCommit();
        GroupCommit.Statistics statistics = groupCommit.statistics();
        if (failed != null) {
            return new Health(false, "the store failed: " + failed, pending, statistics, fileBytes(), -1, -1);
        }
        if (pending > 0 && since.compareTo(stalledAfter) > 0) {
            return new Health(false, pending + " writes waiting " + since.toMillis() + " ms for their commit", pending,
                    statistics, fileBytes(), -1, -1);
        }
        // read between commits: the file's bookkeeping is the commit thread's
        int[] fill = groupCommit.read(() -> {
            FileStore<?> file = backend.getMvStore().getFileStore();
            return file == null ? new int[]{-1, -1} : new int[]{file.getFillRate(), file.getChunksFillRate()};
        });
        return new Health(true, null, pending, statistics, fileBytes(), fill[0], fill[1]);
    }

    private long fileBytes() {
        try {
            return settings.storeFile() == null || !Files.exists(settings.storeFile()) ? 0
                    : Files.size(settings.storeFile());
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * @param reason     why it is DOWN, {@code null} when UP
     * @param statistics commits so far, the writes they made durable, the time spent committing and compacting
     * @param fileBytes  the store file's size
     * @param fileFill   the percentage of the file its chunks fill (-1: not known)
     * @param chunksFill the percentage of the chunks' space still live (-1: not known)
     */
    public record Health(boolean up, String reason, long pendingWrites, GroupCommit.Statistics statistics,
                         long fileBytes, int fileFill, int chunksFill) {
        String toJson() {
            StringBuilder json = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append('"');
            if (reason != null) {
                json.append(",\"reason\":\"").append(reason.replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
            json.append(",\"pendingWrites\":").append(pendingWrites);
            if (statistics != null) {
                json.append(",\"commits\":").append(statistics.commits())
                        .append(",\"committedWrites\":").append(statistics.writes())
                        .append(",\"commitMillis\":").append(statistics.committing().toMillis())
                        .append(",\"housekeepingMillis\":").append(statistics.housekeeping().toMillis());
            }
            return json.append(",\"fileBytes\":").append(fileBytes).append(",\"fileFillPercent\":").append(fileFill)
                    .append(",\"chunksFillPercent\":").append(chunksFill).append('}').toString();
        }
    }

    /** Stops accepting connections, closes the open ones, commits what is left and closes the H2 store. Idempotent. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long stopping = System.nanoTime();
        try {
            server.stopListening();
            groupCommit.close();
            server.shutdown(); // closes the backend too
        } finally {
            backend.close(); // idempotent; makes sure the MVStore file is committed and closed
            server = null;
            backend = null;
            groupCommit = null;
        }
        log.info("MongoDB stand-in on port {} stopped in {} ms", address.getPort(),
                (System.nanoTime() - stopping) / 1_000_000);
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The H2 backend, every command through {@link GroupCommit}, and answering {@code hello} too: mongo-java-server
     * 1.47 knows only the legacy {@code isMaster}, while MongoDB 5+ clients send {@code hello}. The answer is
     * {@code isMaster}'s plus {@code isWritablePrimary}. Errors are logged here without the client's documents (which
     * hold personal data), and a failed store answers every command with {@code ShutdownInProgress}, which drivers
     * treat as a server that cannot serve (a health check's {@code ping} fails too).
     */
    private static final class Backend extends H2Backend {

        static final int FIRST_BATCH = 101;
        static final long BATCH_BYTES = 16L * 1024 * 1024;

        private GroupCommit groupCommit;

        Backend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            String name = command.toLowerCase(Locale.ROOT);
            boolean read = READS.contains(name) && !("aggregate".equals(name) && writesOut(query));
            try {
                if (HANDSHAKES.contains(name)) {
                    if (groupCommit.failure() != null) {
                        throw new GroupCommit.StoreFailedException("the store failed", groupCommit.failure());
                    }
                    return answer(channel, database, command, query);
                }
                return read ? groupCommit.read(() -> answer(channel, database, command, query))
                        : groupCommit.write(() -> answer(channel, database, command, query));
            } catch (GroupCommit.StoreFailedException | GroupCommit.CommitTimeoutException e) {
                throw new MongoServerError(91, "ShutdownInProgress", e.getMessage());
            } catch (MongoServerException e) {
                commands.debug("{} on {}: {}", command, database, e.getMessageWithoutErrorCode());
                throw e;
            } catch (RuntimeException e) {
                log.error("{} on {} failed inside the store", command, database, e);
                throw new MongoServerException("internal error of the store stand-in: " + e, e);
            }
        }

        private Document answer(Channel channel, String database, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document answer = super.handleCommand(channel, database, "isMaster", new Document("isMaster", 1));
                answer.put("isWritablePrimary", Boolean.TRUE);
                return answer;
            }
            if (("find".equalsIgnoreCase(command) || "getMore".equalsIgnoreCase(command))
                    && !Utils.isTrue(query.get("singleBatch"))) {
                return inBatches(channel, database, command, query);
            }
            return super.handleCommand(channel, database, command, query);
        }

        /**
         * A {@code find} or {@code getMore} answered in MongoDB's batches: the batch size asked for (a first batch
         * of 101 when none is), and never much more than {@link #BATCH_BYTES} (a document's estimated size in the
         * heap, which over-counts its BSON). mongo-java-server answers a command without a batch size with every
         * document at once, and a reply over the driver's 48 MB limit fails: the reporting's figures over 30,000
         * reports did (a 94 MB reply). Its cursors hold the documents they found in memory, never a map's pages, so
         * the batches are taken from what the first command found.
         */
        private Document inBatches(Channel channel, String database, String command, Document query) {
            boolean first = "find".equalsIgnoreCase(command);
            int wanted = query.get("batchSize") instanceof Number size && size.intValue() > 0 ? size.intValue()
                    : first ? FIRST_BATCH : Integer.MAX_VALUE;
            Document one = new Document(query);
            one.put("batchSize", 1);
            Document answer = super.handleCommand(channel, database, command, one);
            if (!(answer.get("cursor") instanceof Document cursor)) {
                return answer;
            }
            String key = first ? "firstBatch" : "nextBatch";
            List<Object> batch = new ArrayList<>((List<?>) cursor.get(key));
            long id = ((Number) cursor.get("id")).longValue();
            if (id != 0) {
                Cursor open = getCursorRegistry().getCursor(id);
                long bytes = batch.stream().mapToLong(DocumentValueType::estimate).sum();
                while (batch.size() < wanted && bytes < BATCH_BYTES && !open.isEmpty()) {
                    Document next = open.takeDocuments(1).getFirst();
                    batch.add(next);
                    bytes += DocumentValueType.estimate(next);
                }
                if (open.isEmpty()) {
                    getCursorRegistry().remove(open);
                    cursor.put("id", 0L);
                }
            }
            cursor.put(key, batch);
            return answer;
        }

        private static boolean writesOut(Document aggregate) {
            return aggregate.get("pipeline") instanceof List<?> stages && stages.stream().anyMatch(stage ->
                    stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
        }

        @Override
        public de.bwaldvogel.mongo.backend.QueryResult handleQuery(MongoQuery query) {
            return groupCommit.read(() -> super.handleQuery(query));
        }

        @Override
        public void handleClose(Channel channel) {
            if (groupCommit.failure() == null) {
                groupCommit.read(() -> {
                    super.handleClose(channel);
                    return null;
                });
            }
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName);
        }

        /** H2Database whose collections find a document by its {@code _id} even when the query names more fields. */
        private final class Database extends H2Database {

            Database(String databaseName) {
                super(databaseName, getMvStore(), getCursorRegistry());
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                // as H2Database does it: the same map names, so existing store files open
                String namespace = getFullCollectionNamespace(collectionName);
                // documents as BSON (DocumentValueType), which still reads the Java-serialised ones of older files
                MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace,
                        new MVMap.Builder<Object, Document>().valueType(DocumentValueType.INSTANCE));
                return new IdLookupCollection(this, collectionName, options, documents,
                        getMvStore().openMap("meta." + namespace), cursorRegistry);
            }

            /**
             * An aggregation whose first stage is a {@code $match} (Spring Data's and the driver's
             * {@code countDocuments} among them) starts from that match answered as a query, so an index can serve
             * it: mongo-java-server reads the whole collection and matches afterwards. The other stages run on the
             * matched documents as before. Anything else, or any error, goes to mongo-java-server unchanged.
             */
            @Override
            public Document handleCommand(Channel channel, String command, Document query,
                                          DatabaseResolver databaseResolver, Oplog oplog) {
                if ("aggregate".equalsIgnoreCase(command)) {
                    Document answer = aggregateFromAQuery(query, databaseResolver, oplog);
                    if (answer != null) {
                        return answer;
                    }
                }
                return super.handleCommand(channel, command, query, databaseResolver, oplog);
            }

            private Document aggregateFromAQuery(Document command, DatabaseResolver databaseResolver, Oplog oplog) {
                if (!(command.get("aggregate") instanceof String collectionName)) {
                    return null;
                }
                try {
                    List<Document> pipeline = Aggregation.parse(command.get("pipeline"));
                    if (pipeline.isEmpty() || pipeline.getFirst().size() != 1
                            || !(pipeline.getFirst().get("$match") instanceof Document match)
                            || match.containsKey("$expr") || pipeline.stream().anyMatch(stage ->
                            stage.containsKey("$changeStream") || stage.containsKey("$out")
                                    || stage.containsKey("$merge"))) {
                        return null;
                    }
                    MongoCollection<Object> collection = resolveCollection(collectionName, false);
                    if (collection == null) {
                        return null;
                    }
                    Aggregation rest = Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()),
                            databaseResolver, this, collection, oplog);
                    rest.validate(command);
                    List<Document> result = rest.runStages(
                            StreamSupport.stream(collection.handleQuery(match).spliterator(), false));
                    Document cursor = new Document("id", 0L)
                            .append("ns", getFullCollectionNamespace(collectionName))
                            .append("firstBatch", result);
                    return new Document("cursor", cursor).append("ok", 1.0);
                } catch (RuntimeException e) {
                    return null; // mongo-java-server's own path answers, with its own error
                }
            }

            /**
             * The unique index (every collection's {@code _id_} among them) in a map whose keys compare with
             * {@link IndexKeyType}, not by Java-serialising both keys as H2's default type does for a
             * {@link KeyValue}. That order differs from the one older store files were written in, so the map has
             * its own name and an index found under the old name is copied over once, then removed.
             */
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                MVStore mvStore = getMvStore();
                MVMap<KeyValue, Object> map = mvStore.openMap(orderedIndexMapName(collectionName, indexName),
                        new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
                String legacyName = legacyIndexMapName(collectionName, indexName);
                if (mvStore.hasMap(legacyName)) {
                    MVMap<KeyValue, Object> legacy = mvStore.openMap(legacyName);
                    legacy.forEach(map::putIfAbsent);
                    log.info("Store file migration: index {} of {} re-ordered ({} keys)", indexName,
                            getFullCollectionNamespace(collectionName), legacy.sizeAsLong());
                    mvStore.removeMap(legacy);
                }
                return new OrderedUniqueIndex(map, indexName, keys, sparse);
            }

            /**
             * A non-unique index that answers queries on its leading field ({@link LeadingKeyIndex}), instead of
             * mongo-java-server's, which answers none.
             */
            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                               List<IndexKey> keys, boolean sparse) {
                MVMap<KeyValue, Boolean> entries = getMvStore().openMap(leadingIndexMapName(collectionName, indexName),
                        new MVMap.Builder<KeyValue, Boolean>().keyType(IndexKeyType.INSTANCE));
                return new LeadingKeyIndex(entries, indexName, keys, sparse);
            }

            @Override
            protected void dropIndex(MongoCollection<Object> collection, String indexName) {
                super.dropIndex(collection, indexName);
                for (String name : List.of(orderedIndexMapName(collection.getCollectionName(), indexName),
                        leadingIndexMapName(collection.getCollectionName(), indexName))) {
                    if (getMvStore().hasMap(name)) {
                        getMvStore().removeMap(name);
                    }
                }
            }

            private String leadingIndexMapName(String collectionName, String indexName) {
                return getFullCollectionNamespace(collectionName) + "._leading_index_" + indexName;
            }

            private String orderedIndexMapName(String collectionName, String indexName) {
                return getFullCollectionNamespace(collectionName) + "._ordered_index_" + indexName;
            }

            /** The name H2Database gives an index map. */
            private String legacyIndexMapName(String collectionName, String indexName) {
                return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            }
        }
    }

    /** mongo-java-server's H2 unique index, on a map opened with {@link IndexKeyType}. */
    private static final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        OrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(keyValue);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /**
     * mongo-java-server uses an index only when the query has exactly the index's fields; a query on {@code _id} AND
     * other fields (an optimistic update {@code {_id, version}}, a claim {@code {_id, outbox...}}) scanned and
     * deserialised the whole collection — the stand-in's hot spot under load (profile: most of its CPU in
     * {@code matchDocumentsFromStream}, growing with the collection). Here such a query reads the one document the
     * unique {@code _id} index points to and applies the whole query to it: the same answer, without the scan. The
     * {@code _id} may also be one of the terms of an {@code $and} (the drivers' {@code and(eq("_id", ..), ..)}).
     */
    private static final class IdLookupCollection extends H2Collection {

        /** DEBUG (-Dlogback... or logback.xml) names every query that scans a collection: what to index next. */
        private static final Logger scans = LoggerFactory.getLogger(LocalMongoStore.class.getName() + ".scans");

        IdLookupCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                           MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
            super(database, collectionName, options, dataMap, metaMap, cursors);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                             int batchSize, Document fieldSelector) {
            Object id = LeadingKeyIndex.plainId(query);
            if (id != null && (query.size() > 1 || !query.containsKey(ID_FIELD))) {
                for (Index<Object> index : getIndexes()) {
                    List<IndexKey> keys = index.getKeys();
                    if (keys.size() == 1 && ID_FIELD.equals(keys.getFirst().getKey())) {
                        return matchDocuments(query, index.getPositions(new Document(ID_FIELD, id)), orderBy,
                                numberToSkip, numberToReturn, batchSize, fieldSelector);
                    }
                }
            }
            if (scans.isDebugEnabled()) { // the fields a scanning query names, never their values
                scans.debug("scan of {} ({} documents) for a query on {}, sorted by {}", getFullName(), count(),
                        query.keySet(), orderBy == null ? "nothing" : orderBy.keySet());
            }
            return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }

        /**
         * A sorted query with a limit keeps only the first {@code skip + limit} matches while it reads, in a bounded
         * heap, instead of sorting every match as mongo-java-server does: most documents then cost one comparison
         * with the heap's worst, not {@code log n}. The notification poll ({@code status: PENDING, leaseUntil <= now}
         * sorted by {@code leaseUntil}, limit 1,000) sorted its whole collection every 2 s while a backlog made most of
         * it PENDING, holding the collection's lock (profile during such a backlog: 91 of 104 samples of the scan in
         * {@code DocumentComparator}). Ties keep the order they were read in, as the stable sort does, so the answer
         * is the same; mongo-java-server then applies the sort, skip, limit and projection to what was kept.
         */
        @Override
        protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream,
                                                       int numberToSkip, int limit, int batchSize,
                                                       Comparator<Document> documentComparator,
                                                       Document fieldSelector) {
            long keep = (long) Math.max(numberToSkip, 0) + limit;
            if (documentComparator == null || limit <= 0 || keep > TOP_K_LIMIT) {
                return super.matchDocumentsFromStream(query, documentStream, numberToSkip, limit, batchSize,
                        documentComparator, fieldSelector);
            }
            List<Document> first = TopK.first((int) keep, documentComparator,
                    documentStream.filter(document -> documentMatchesQuery(document, query)));
            return super.matchDocumentsFromStream(query, first.stream(), numberToSkip, limit, batchSize,
                    documentComparator, fieldSelector);
        }
    }

    /** Above this many kept documents, a sort keeps mongo-java-server's own path. */
    private static final int TOP_K_LIMIT = 10_000;
}
