package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.programme.ApplicationHeader;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * The registry version a revision meets when {@link RegistryPins} pins it: the join's answer when
 * that is the pinned version (nearly always), else the pinned version read from the registry's
 * versioned store.
 */
final class PinnedRegistry {

  private final RegistryPins pins;
  private final VersionedKeyValueStore<String, Enterprise> registry;

  PinnedRegistry(RegistryPins pins, VersionedKeyValueStore<String, Enterprise> registry) {
    this.pins = pins;
    this.registry = registry;
  }

  /**
   * @param asOfSubmission what the as-of join found for the revision
   */
  Enterprise enterprise(String creditCode, ApplicationHeader header, Enterprise asOfSubmission) {
    final RegistryPins.Pin pin = pins.pin(header.applicationId(), header.revision());
    if (pin == null) {
      return asOfSubmission;
    }
    if (!pin.registered()) {
      return null;
    }
    if (asOfSubmission != null && pin.updatedAt().equals(asOfSubmission.getUpdatedAt())) {
      return asOfSubmission;
    }
    // A version takes effect at its timestamp, its updatedAt: the one in effect then is the pin.
    final VersionedRecord<Enterprise> version =
        registry.get(creditCode, pin.updatedAt().toEpochMilli());
    if (version != null && pin.updatedAt().equals(version.value().getUpdatedAt())) {
      return version.value();
    }
    pins.notFound(header.applicationId(), header.revision());
    return asOfSubmission;
  }
}
