package cn.gxq.subsidy.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.rules.Finding;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.ReasonCode;
import cn.gxq.subsidy.rules.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outbox payloads the end-to-end flow sends are valid records of their programmes, decided on
 * their merits: checked here in a second, as the flow itself needs PostgreSQL and a Connect worker.
 */
class SamplesTest {

  private static final RecordJson JSON = new RecordJson();

  @Test
  void eachProgrammesSampleIsAValidApplicationDecidedOnItsMerits() {
    final String code = Samples.creditCode(20);
    final Enterprise enterprise =
        JSON.read(Samples.enterprise(code, "2022-01-01T00:00:00Z"), Enterprise.class);
    final Rulebook rulebook = Rulebook.fromDefaultPolicy();
    final Map<String, Verdict> verdicts = new LinkedHashMap<>();
    for (ProgrammeDefinition<?> programme : Catalogue.programmes()) {
      final String json =
          Samples.application(programme.slug(), "X-1", code, "2022-05-01T11:00:00Z");
      final Outcome outcome = rulebook.decide(JSON.read(json, programme.recordClass()), enterprise);
      assertThat(outcome.findings())
          .as(programme.slug())
          .extracting(Finding::code)
          .doesNotContain(
              ReasonCode.INVALID_FIELD,
              ReasonCode.INVALID_CREDIT_CODE,
              ReasonCode.UNSUPPORTED_YEAR,
              ReasonCode.ENTERPRISE_NOT_REGISTERED);
      verdicts.put(programme.slug(), outcome.verdict());
    }
    // The loan's enterprise is no innovation entity (no high-tech certificate, no tech-SME year).
    assertThat(verdicts)
        .containsEntry("rent-relief", Verdict.ELIGIBLE)
        .containsEntry("rd-deduction", Verdict.ELIGIBLE)
        .containsEntry("innovation-loan", Verdict.REJECTED)
        .containsEntry("tech-sme", Verdict.ELIGIBLE);
  }

  @Test
  void aProgrammeWithoutASampleIsRefusedByName() {
    assertThatThrownBy(() -> Samples.application("no-such", "X-1", "C", "2022-05-01T11:00:00Z"))
        .hasMessage("no sample application of no-such");
  }
}
