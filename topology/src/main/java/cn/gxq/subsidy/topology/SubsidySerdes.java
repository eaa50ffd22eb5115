package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.avro.internal.Arrival;
import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.Holding;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Route;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import cn.gxq.subsidy.serde.AvroSerde;
import cn.gxq.subsidy.serde.FieldsDeserializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import cn.gxq.subsidy.serde.SpecificRecordDeserializer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Every value serde of the application, over one registry client. Internal topics and changelogs
 * use the same Confluent wire format as the contract topics, so every byte on the cluster can be
 * read with a registry.
 */
public final class SubsidySerdes {

  private final SchemaRegistryClient registry;

  public SubsidySerdes(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  public SchemaRegistryClient registry() {
    return registry;
  }

  public <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type, registry);
  }

  public AvroSerde<Enterprise> enterprise() {
    return of(Enterprise.class);
  }

  public AvroSerde<Budget> budget() {
    return of(Budget.class);
  }

  public AvroSerde<Decision> decision() {
    return of(Decision.class);
  }

  public AvroSerde<Totals> totals() {
    return of(Totals.class);
  }

  public AvroSerde<Arrival> arrival() {
    return of(Arrival.class);
  }

  AvroSerde<LedgerCommand> ledgerCommand() {
    return of(LedgerCommand.class);
  }

  AvroSerde<Holding> holding() {
    return of(Holding.class);
  }

  AvroSerde<Route> route() {
    return of(Route.class);
  }

  AvroSerde<BucketState> bucketState() {
    return of(BucketState.class);
  }

  /** Reads only the intake's header fields of one programme's application, refusing the others. */
  Deserializer<GenericRecord> applicationHeader(ProgrammeDefinition<?> programme) {
    return new FieldsDeserializer(programme.recordClass(), ApplicationIntake.HEADER, registry);
  }

  /** Reads any catalogue programme's application, by the writer's schema. */
  Deserializer<SpecificRecord> anyApplication() {
    final List<Class<? extends SpecificRecord>> types = new ArrayList<>();
    for (ProgrammeDefinition<?> programme : Catalogue.programmes()) {
      types.add(programme.recordClass());
    }
    return new SpecificRecordDeserializer(registry, types);
  }
}
