package cn.gxq.subsidy.topology;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.ledger.LineEntry;
import cn.gxq.subsidy.ledger.Waiting;
import java.math.BigDecimal;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The line index lives in memory beside the line store: a book that starts over the stores of an
 * earlier one (a task restarted on restored state) must answer exactly as the earlier one did.
 */
class StoreLedgerBookTest {

  private static final BucketKey ZGC = new BucketKey("ZGC", Programme.RENT_RELIEF, 2022);
  private static final BucketKey XA = new BucketKey("XA", Programme.RENT_RELIEF, 2022);

  @Test
  void aBookOverRestoredStoresAnswersAsTheOneThatWroteThem() {
    final KeyValueStore<String, String> line = lineStore();
    final StoreLedgerBook writer = new StoreLedgerBook(null, null, line, null);
    writer.putInLine(ZGC, new LineEntry(1, "RR-1", new BigDecimal("50000.00")));
    writer.putInLine(ZGC, new LineEntry(2, "RR-2", new BigDecimal("20000.00")));
    writer.putInLine(ZGC, new LineEntry(5, "RR-5", new BigDecimal("30000.00")));
    writer.putInLine(XA, new LineEntry(3, "RR-9", new BigDecimal("1.00")));
    writer.deleteFromLine(ZGC, new LineEntry(2, "RR-2", new BigDecimal("20000.00")));

    final StoreLedgerBook restarted = new StoreLedgerBook(null, null, line, null);

    for (StoreLedgerBook book : new StoreLedgerBook[] {writer, restarted}) {
      assertThat(book.waitingAhead(ZGC, 5)).isEqualTo(new Waiting(1, new BigDecimal("50000.00")));
      assertThat(book.firstNeedingAtMost(ZGC, new BigDecimal("40000.00")))
          .isEqualTo(new LineEntry(5, "RR-5", new BigDecimal("30000.00")));
      assertThat(book.firstNeedingAtMost(ZGC, new BigDecimal("29999.99"))).isNull();
      assertThat(book.firstNeedingAtMost(XA, new BigDecimal("1.00")))
          .isEqualTo(new LineEntry(3, "RR-9", new BigDecimal("1.00")));
    }
  }

  private static KeyValueStore<String, String> lineStore() {
    final KeyValueStore<String, String> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(LedgerStores.LINE), Serdes.String(), Serdes.String())
            .withLoggingDisabled()
            .build();
    final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    return store;
  }
}
