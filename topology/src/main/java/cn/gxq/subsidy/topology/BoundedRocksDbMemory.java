package cn.gxq.subsidy.topology;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the native memory of every RocksDB store of this JVM together: one block cache shared by all
 * stores, with memtables charged to it, instead of RocksDB's own cache and memtables per store and
 * partition (about 100 MB each at Kafka's defaults, times a store per partition).
 *
 * <p>Turn it on with {@link #configure(Properties, long)}; the budget is read from {@value
 * #MEMORY_BYTES_CONFIG} when the first store opens.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** Total bytes for block cache and memtables of all stores in this JVM. */
  public static final String MEMORY_BYTES_CONFIG = "subsidy.rocksdb.memory.bytes";

  /** Used when the setter is on but no budget is given. */
  public static final long DEFAULT_MEMORY_BYTES = 64L << 20;

  // Memtables take at most this share; index and filter blocks live in the high-priority pool.
  private static final double WRITE_BUFFER_SHARE = 0.5;
  private static final double HIGH_PRIORITY_SHARE = 0.1;
  private static final long MEMTABLE_BYTES = 8L << 20;

  private static Cache cache;
  private static WriteBufferManager writeBuffers;

  /** Sets the setter and its budget on a Streams configuration. */
  public static void configure(Properties streamsConfig, long totalBytes) {
    streamsConfig.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    streamsConfig.put(MEMORY_BYTES_CONFIG, Long.toString(totalBytes));
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    shareOnce(configs);
    final BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(writeBuffers);
    options.setWriteBufferSize(MEMTABLE_BYTES);
    options.setMaxWriteBufferNumber(2);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and write buffer manager are shared by every store: never closed per store.
  }

  private static synchronized void shareOnce(Map<String, Object> configs) {
    if (cache != null) {
      return;
    }
    final Object configured = configs.get(MEMORY_BYTES_CONFIG);
    final long total =
        configured == null ? DEFAULT_MEMORY_BYTES : Long.parseLong(configured.toString());
    cache = new LRUCache(total, -1, false, HIGH_PRIORITY_SHARE);
    writeBuffers = new WriteBufferManager((long) (total * WRITE_BUFFER_SHARE), cache);
  }
}
