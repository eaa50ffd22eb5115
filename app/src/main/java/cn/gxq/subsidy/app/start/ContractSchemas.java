package cn.gxq.subsidy.app.start;

import cn.gxq.subsidy.avro.AccessRecord;
import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Movement;
import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import cn.gxq.subsidy.serde.WireFormat;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Registers every contract schema under {@code <topic>-value} when {@code run} starts, so that an
 * outside publisher's or subscriber's Confluent client can fetch a topic's schema before anything
 * was produced to it.
 */
public final class ContractSchemas {

  private ContractSchemas() {}

  /** Registers (or finds) each contract schema; returns the subjects, in topic-table order. */
  public static List<String> register(SchemaRegistryClient registry, Topics topics) {
    final List<String> subjects = new ArrayList<>();
    for (RecordKind type : Catalogue.recordKinds()) {
      subjects.add(
          register(registry, type.topic(topics), SpecificData.get().getSchema(type.recordClass())));
    }
    subjects.add(register(registry, topics.decisions(), Decision.getClassSchema()));
    subjects.add(register(registry, topics.totals(), Totals.getClassSchema()));
    subjects.add(register(registry, topics.movements(), Movement.getClassSchema()));
    subjects.add(register(registry, topics.settlements(), Settlement.getClassSchema()));
    subjects.add(register(registry, topics.controlTotals(), ControlTotals.getClassSchema()));
    subjects.add(register(registry, topics.accessLog(), AccessRecord.getClassSchema()));
    return subjects;
  }

  private static String register(SchemaRegistryClient registry, String topic, Schema schema) {
    final String subject = WireFormat.subject(topic, false);
    registry.register(subject, schema);
    return subject;
  }
}
