package cn.gxq.subsidy.benchmark.jmh;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import cn.gxq.subsidy.serde.AvroSerde;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.InMemorySchemaRegistryClient;
import cn.gxq.subsidy.serde.SpecificRecordDeserializer;
import cn.gxq.subsidy.topology.SubsidySerdes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The Confluent wire-format Avro serde both ways, on demo applications and enterprises. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerdeBenchmark {

  private static final String TOPIC = "subsidy.applications.any.v1";

  private List<SpecificRecord> applications;
  private List<byte[]> applicationBytes;
  private List<Enterprise> enterprises;
  private List<byte[]> enterpriseBytes;
  private AvroSerde<Enterprise> enterpriseSerde;
  private SpecificRecordDeserializer anyApplication;
  private final List<AvroSerializer<SpecificRecord>> serializers = new ArrayList<>();
  private int next;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    final Samples samples = new Samples();
    final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    final SubsidySerdes serdes = new SubsidySerdes(registry);
    enterpriseSerde = serdes.enterprise();
    final List<Class<? extends SpecificRecord>> types = new ArrayList<>();
    for (ProgrammeDefinition<?> p : Catalogue.programmes()) {
      types.add(p.recordClass());
    }
    anyApplication = new SpecificRecordDeserializer(registry, types);
    applications = samples.applications.stream().map(Generated::value).toList();
    applicationBytes = new ArrayList<>();
    for (SpecificRecord a : applications) {
      final AvroSerializer<SpecificRecord> s =
          new AvroSerializer<>((Class<SpecificRecord>) a.getClass(), registry, false);
      serializers.add(s);
      applicationBytes.add(s.serialize(TOPIC, a));
    }
    enterprises = samples.registry.subList(0, Samples.SIZE);
    enterpriseBytes =
        enterprises.stream().map(e -> enterpriseSerde.serializer().serialize("e", e)).toList();
  }

  private int index() {
    next = (next + 1) & (Samples.SIZE - 1);
    return next;
  }

  @Benchmark
  public byte[] serializeApplication() {
    final int i = index();
    return serializers.get(i).serialize(TOPIC, applications.get(i));
  }

  @Benchmark
  public SpecificRecord deserializeApplication() {
    return anyApplication.deserialize(TOPIC, applicationBytes.get(index()));
  }

  @Benchmark
  public byte[] serializeEnterprise() {
    return enterpriseSerde.serializer().serialize("e", enterprises.get(index()));
  }

  @Benchmark
  public Enterprise deserializeEnterprise() {
    return enterpriseSerde.deserializer().deserialize("e", enterpriseBytes.get(index()));
  }
}
