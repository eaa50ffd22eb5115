package cn.gxq.subsidy.app.reconcile;

import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.contract.CommittedScan;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The platform's side: the latest control totals of a day, read whole from their topic. */
public final class ControlTotalsTopic {

  private ControlTotalsTopic() {}

  /** Bucket ({@code ZONE:PROGRAMME:YEAR}) → the day's figures, committed records only. */
  public static Map<String, DayFigures> read(
      Properties client, SchemaRegistryClient registry, String topic, LocalDate day) {
    final AvroDeserializer<ControlTotals> decoder =
        new AvroDeserializer<>(ControlTotals.class, registry);
    final Map<String, DayFigures> figures = new HashMap<>();
    CommittedScan.read(
        client,
        CommittedScan.endsNow(client, topic),
        record -> {
          if (record.value() == null) {
            return;
          }
          final ControlTotals t = decoder.deserialize(topic, record.value());
          if (t.getDate().equals(day)) {
            figures.put(
                new BucketKey(t.getZone(), t.getProgramme(), t.getYear()).toString(),
                new DayFigures(
                    t.getMovements(),
                    t.getChange(),
                    t.getToRecover(),
                    t.getSettled(),
                    t.getRecovered()));
          }
        });
    return figures;
  }
}
