package cn.gxq.subsidy.benchmark;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A record serialized before the clock starts, so a phase measures Kafka and Streams rather than
 * the generator.
 *
 * @param decisionKey {@code applicationId#revision} of an application, null for other records
 */
record Prepared(String topic, String key, long timestamp, byte[] value, String decisionKey) {

  ProducerRecord<String, byte[]> record() {
    return new ProducerRecord<>(topic, null, timestamp, key, value);
  }

  static String decisionKey(String applicationId, int revision) {
    return applicationId + "#" + revision;
  }
}
