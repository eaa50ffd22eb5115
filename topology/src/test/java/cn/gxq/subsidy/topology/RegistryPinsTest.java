package cn.gxq.subsidy.topology;

import static cn.gxq.subsidy.topology.Fixtures.at;
import static cn.gxq.subsidy.topology.Fixtures.creditCode;
import static cn.gxq.subsidy.topology.Fixtures.rentRelief;
import static cn.gxq.subsidy.topology.Fixtures.smallSoftwareFirm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A replay pinned to the registry versions live met decides as live did, although its registry
 * holds an update live had not seen: an update dated before the submission that reached live only
 * after the decision.
 */
class RegistryPinsTest {

  private static final Instant SMALL = at("2022-01-01T00:00:00Z");
  private static final Instant LARGE = at("2022-03-01T00:00:00Z");
  private static final Instant SUBMITTED = at("2022-04-01T02:00:00Z");

  /** Pins by application id and revision, counting what was not found. */
  private static final class Pins implements RegistryPins {
    final Map<String, Pin> pins = new HashMap<>();
    final List<String> notFound = new ArrayList<>();

    @Override
    public Pin pin(String applicationId, int revision) {
      return pins.get(applicationId + "#" + revision);
    }

    @Override
    public void notFound(String applicationId, int revision) {
      notFound.add(applicationId + "#" + revision);
    }
  }

  /** Live: the application is decided, then an update dated before its submission arrives. */
  private static Decision live(String code) {
    try (TopologyHarness live = new TopologyHarness()) {
      live.register(smallSoftwareFirm(code, "ZGC", SMALL).build());
      live.submit(rentRelief("RR-1", code, "10000.00", SUBMITTED).build());
      live.register(large(code));
      return live.newDecisions().get(0);
    }
  }

  private static cn.gxq.subsidy.avro.Enterprise large(String code) {
    return smallSoftwareFirm(code, "ZGC", LARGE)
        .setEmployees(900)
        .setRevenue(new java.math.BigDecimal("900000000.00"))
        .build();
  }

  /** A replay: the whole registry first (the late update included), then the application. */
  private static Decision replay(String code, RegistryPins pins, boolean registered) {
    final TopologySettings settings =
        TopologySettings.defaults()
            .forReplay(new ReplayHooks(pins == null ? RegistryPins.NONE : pins, ArrivalGates.NONE));
    try (TopologyHarness replay = new TopologyHarness(settings)) {
      if (registered) {
        replay.register(smallSoftwareFirm(code, "ZGC", SMALL).build());
      }
      replay.register(large(code));
      replay.submit(rentRelief("RR-1", code, "10000.00", SUBMITTED).build());
      return replay.newDecisions().get(0);
    }
  }

  @Test
  void theDecisionNamesTheRegistryVersionItWasJudgedWith() {
    final Decision decided = live(creditCode(1));
    assertThat(decided.getStatus()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(decided.getDetails()).containsEntry(Proposals.REGISTRY_VERSION, SMALL.toString());
  }

  @Test
  void unpinnedAReplayMeetsTheLateUpdateAndDecidesOtherwise() {
    final Decision replayed = replay(creditCode(2), null, true);
    assertThat(replayed.getStatus()).isEqualTo(DecisionStatus.REJECTED);
    assertThat(replayed.getDetails()).containsEntry(Proposals.REGISTRY_VERSION, LARGE.toString());
  }

  @Test
  void pinnedAReplayMeetsTheVersionLiveMet() {
    final String code = creditCode(3);
    final Decision decided = live(code);
    final Pins pins = new Pins();
    pins.pins.put("RR-1#1", new RegistryPins.Pin(SMALL));
    final Decision replayed = replay(code, pins, true);
    assertThat(replayed.getStatus()).isEqualTo(decided.getStatus());
    assertThat(replayed.getApprovedAmount()).isEqualByComparingTo(decided.getApprovedAmount());
    assertThat(replayed.getDetails()).isEqualTo(decided.getDetails());
    assertThat(pins.notFound).isEmpty();
  }

  @Test
  void pinnedToNoVersionAReplayFindsTheEnterpriseNotRegistered() {
    final Pins pins = new Pins();
    pins.pins.put("RR-1#1", RegistryPins.Pin.NOT_REGISTERED);
    final Decision replayed = replay(creditCode(4), pins, true);
    assertThat(replayed.getReasons().stream().map(Reason::getCode))
        .containsExactly("ENTERPRISE_NOT_REGISTERED");
    assertThat(replayed.getDetails()).doesNotContainKey(Proposals.REGISTRY_VERSION);
  }

  @Test
  void aPinnedVersionTheRegistryDoesNotHoldIsReportedAndTheAsOfVersionUsed() {
    final Pins pins = new Pins();
    pins.pins.put("RR-1#1", new RegistryPins.Pin(SMALL));
    final Decision replayed = replay(creditCode(5), pins, false);
    assertThat(replayed.getDetails()).containsEntry(Proposals.REGISTRY_VERSION, LARGE.toString());
    assertThat(pins.notFound).containsExactly("RR-1#1");
  }
}
