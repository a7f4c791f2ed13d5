package vn.childprotection.platform.deploy;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static de.bwaldvogel.mongo.backend.Constants.ID_FIELD;

/**
 * The MongoDB-wire stand-in for a developer machine: {@code mongo-java-server} with its H2 (MVStore) file backend,
 * so data survives a restart, and the oplog on (change streams). Not MongoDB: no multi-document transactions, no
 * {@code $text}, TTL and non-unique indexes ignored (see the README).
 */
public final class LocalMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMongoStore.class);

    /**
     * @param host      address to bind (loopback by default)
     * @param port      port to bind; 0 picks a free one
     * @param storeFile the H2 MVStore file, e.g. {@code var/mongo/store.mv}; {@code null} keeps everything in memory
     */
    /**
     * @param oplog whether writes are also appended to the oplog (needed only for change streams, which no service
     *              uses today). The oplog is one collection every write of every database goes through: under load
     *              it serialises all writes of the stack (issue 6 profile), so {@code ./platform} turns it off.
     */
    /**
     * @param cacheMb the MVStore page cache in MB. H2's default (16 MB) keeps almost nothing of a loaded stack's data
     *                deserialised, so every query that scans a collection (the stand-in has no secondary indexes)
     *                read and deserialised every page again: measured on this machine, a scan of 20,000 documents of
     *                2.6 KB took 320 ms with 16 MB and 14 ms with 256 MB (issue 6 profile)
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

    private final Settings settings;
    /**
     * H2 splits a page above this size (its default: 16 KB). Every write re-serialises the whole page it touched, and
     * the old copy stays in the file until compaction: with 4 KB pages the file grew 22-24 % less in the same bench
     * ({@code --rates 100 --duration 20}, three pairs: 521-539 MB against 682-690 MB), at the same routed rate (76.9-83.9
     * against 69.9-82.7 reports/s) and rebuild rate (5,350 against 5,432 events/s).
     */
    static final int PAGE_SPLIT_BYTES = 4096;

    private MongoServer server;
    private H2Backend backend;
    private InetSocketAddress address;

    public LocalMongoStore(Settings settings) {
        this.settings = settings;
    }

    public synchronized LocalMongoStore start() {
        if (server != null) {
            return this;
        }
        long started = System.nanoTime();
        H2Backend h2;
        if (settings.storeFile() == null) {
            h2 = new Backend(new MVStore.Builder().cacheSize(settings.cacheMb()).open());
        } else {
            try {
                Files.createDirectories(settings.storeFile().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            h2 = new Backend(new MVStore.Builder().fileName(settings.storeFile().toString())
                    .cacheSize(settings.cacheMb()).pageSplitSize(PAGE_SPLIT_BYTES).open());
        }
        MongoServer mongo = new MongoServer(h2);
        if (settings.oplog()) {
            mongo.enableOplog();
        }
        try {
            mongo.bind(settings.host(), settings.port());
        } catch (RuntimeException e) {
            h2.close();
            throw e;
        }
        backend = h2;
        server = mongo;
        address = mongo.getLocalAddress();
        log.info("MongoDB stand-in (mongo-java-server, H2 {}, cache {} MB, oplog {}) listening on {}, started in {} ms",
                settings.storeFile() == null ? "in memory" : settings.storeFile(), settings.cacheMb(),
                settings.oplog() ? "on" : "off",
                connectionString(),
                (System.nanoTime() - started) / 1_000_000);
        return this;
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

    /** Stops accepting connections, closes the open ones and closes the H2 store (commit + file close). Idempotent. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long stopping = System.nanoTime();
        try {
            server.shutdown(); // closes the backend too
        } finally {
            backend.close(); // idempotent; makes sure the MVStore file is committed and closed
            server = null;
            backend = null;
        }
        log.info("MongoDB stand-in on port {} stopped in {} ms", address.getPort(),
                (System.nanoTime() - stopping) / 1_000_000);
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The H2 backend, answering {@code hello} too: mongo-java-server 1.47 knows only the legacy {@code isMaster},
     * while MongoDB 5+ clients — among them Spring Boot's {@code MongoHealthIndicator}, which then reports DOWN —
     * send {@code hello}. The answer is {@code isMaster}'s plus {@code isWritablePrimary}.
     */
    private static final class Backend extends H2Backend {

        Backend(MVStore store) {
            super(store);
        }

        Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document answer = super.handleCommand(channel, database, "isMaster", new Document("isMaster", 1));
                answer.put("isWritablePrimary", Boolean.TRUE);
                return answer;
            }
            return super.handleCommand(channel, database, command, query);
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
     * deserialised the whole collection — the stand-in's hot spot under load (issue 6 profile: most of its CPU in
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
         * it PENDING, holding the collection's lock (issue 6 profile, session 5: 91 of 104 samples of the scan in
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
