package cn.gxq.subsidy.app.audit;

import cn.gxq.subsidy.avro.AccessRecord;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the access log: one {@link AccessRecord} per read of an enterprise's file, keyed by
 * principal, and waits until the cluster has it (all in-sync replicas) before the answer may leave
 * the instance. So no answered read is missing when an instance dies: a read the log could not take
 * is answered 503, and the file is not shown. The producer is idempotent, so a retried send is
 * written once. (A read is not part of the pipeline's transactions: there is nothing to commit with
 * it, and waiting for the acknowledgement is what makes it durable before the answer.)
 */
public final class AccessLog implements AutoCloseable {

  private static final long WAIT_MS = 10_000;

  private final KafkaProducer<String, AccessRecord> producer;
  private final String topic;

  public AccessLog(Properties client, SchemaRegistryClient registry, Topics topics) {
    final Properties props = new Properties();
    props.putAll(client);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WAIT_MS);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WAIT_MS / 2);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, WAIT_MS / 2);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "subsidy-access-log");
    this.producer =
        new KafkaProducer<>(
            props,
            new StringSerializer(),
            new AvroSerializer<>(AccessRecord.class, registry, false));
    this.topic = topics.accessLog();
  }

  /** Records a read; {@link AccessLogUnavailable} if the cluster did not take it in time. */
  public void record(AccessRecord read) {
    try {
      producer
          .send(
              new ProducerRecord<>(
                  topic, null, read.getAt().toEpochMilli(), read.getPrincipal(), read))
          .get(WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new AccessLogUnavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AccessLogUnavailable(e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }

  /** The access log could not record a read, so the read is not answered. */
  public static final class AccessLogUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AccessLogUnavailable(Throwable cause) {
      super("the access log did not record this read, so it is not answered: " + cause, cause);
    }
  }
}
