package cn.gxq.subsidy.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.serde.Samples;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RecordJsonTest {

  private static final String RENT =
      "{\"applicationId\":\"RR-1\",\"creditCode\":\"91110000600037341L\","
          + "\"submittedAt\":\"2022-05-01T09:30:00Z\",\"year\":2022,\"landlordName\":\"国资\","
          + "\"landlordStateOwned\":true,\"countyCode\":\"110108\",\"countyRiskListed\":false,"
          + "\"leaseStart\":\"2022-01-01\",\"leaseEnd\":\"2022-12-31\",\"monthlyRent\":\"12500.00\","
          + "\"sublessor\":false}";

  private final RecordJson json = new RecordJson();

  static List<SpecificRecord> records() {
    return Samples.all();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("records")
  void roundTripsEveryContractRecord(final SpecificRecord record) {
    final String line = json.write(record);

    assertThat(line).doesNotContain("\n");
    assertThat(json.read(line, record.getClass())).isEqualTo(record);
  }

  @Test
  void writesPlainJsonInTheContractFormat() {
    assertThat(json.write(Samples.budget()))
        .isEqualTo(
            "{\"zone\":\"ZGC\",\"programme\":\"RD_SUPER_DEDUCTION\","
                + "\"year\":2023,\"amount\":\"100.00\",\"updatedAt\":\"2023-01-01T00:00:00Z\"}");
  }

  @Test
  void writesNestedRecordsMapsNullsAndScalesWithoutUnionWrappers() {
    final Decision decision = Samples.decision();
    decision.setZone(null);
    decision.setApprovedAmount(new BigDecimal("75000"));

    final ObjectNode tree = json.toTree(decision);

    assertThat(tree.get("zone").isNull()).isTrue();
    assertThat(tree.get("requestedAmount").textValue()).isEqualTo("75000.00");
    assertThat(tree.get("approvedAmount").textValue()).isEqualTo("75000.00");
    assertThat(tree.get("status").textValue()).isEqualTo("APPROVED");
    assertThat(tree.get("reasons").get(0).get("code").textValue()).isEqualTo("CAPPED_AT_TIER");
    assertThat(tree.get("details").get("reliefMonths").textValue()).isEqualTo("6");
    assertThat(tree.get("decidedAt").textValue()).isEqualTo("2022-05-01T09:30:01Z");
    assertThat(json.toTree(Samples.rentRelief()).get("submittedAt").textValue())
        .isEqualTo("2022-05-01T09:30:00.125Z");
  }

  @Test
  void appliesDefaultsToAbsentFields() {
    final RentReliefApplication read = json.read(RENT, RentReliefApplication.class);

    assertThat(read.getRevision()).isEqualTo(1);
    assertThat(read.getWithdrawn()).isFalse();
    assertThat(read.getLandlordCreditCode()).isNull();
    assertThat(read.getMonthlyRent()).isEqualTo(new BigDecimal("12500.00"));
    assertThat(read.getSubmittedAt()).isEqualTo(Instant.parse("2022-05-01T09:30:00Z"));
  }

  @Test
  void defaultsAnAbsentArrayToEmptyAndNeverSharesIt() {
    final String line =
        json.write(Samples.enterprise())
            .replace("\"techSmeYears\":[2021,2022],", "")
            .replace("\"highTechCertifiedOn\":\"2021-11-01\",", "");

    final Enterprise first = json.read(line, Enterprise.class);
    first.getTechSmeYears().add(2030);
    final Enterprise second = json.read(line, Enterprise.class);

    assertThat(line).doesNotContain("techSmeYears");
    assertThat(second.getTechSmeYears()).isEmpty();
    assertThat(second.getHighTechCertifiedOn()).isNull();
  }

  @Test
  void acceptsNumbersForMoneyAndOffsetsForInstants() {
    final String line =
        RENT.replace("\"12500.00\"", "12500.5")
            .replace("\"2022-05-01T09:30:00Z\"", "\"2022-05-01T17:30:00+08:00\"");

    final RentReliefApplication read = json.read(line, RentReliefApplication.class);

    assertThat(read.getMonthlyRent()).isEqualTo(new BigDecimal("12500.50"));
    assertThat(read.getSubmittedAt()).isEqualTo(Instant.parse("2022-05-01T09:30:00Z"));
    assertThat(json.toTree(read).get("submittedAt").textValue()).isEqualTo("2022-05-01T09:30:00Z");
  }

  @Test
  void acceptsExplicitNullForOptionalFields() {
    final Totals read =
        json.read(
            json.write(Samples.totals()).replace("\"budget\":\"25000000.00\"", "\"budget\":null"),
            Totals.class);

    assertThat(read.getBudget()).isNull();
    assertThat(read.getBudgetRemaining()).isEqualTo(new BigDecimal("-5000000.00"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // replace this                   | with this                  | message
        "\"monthlyRent\":\"12500.00\"     | \"monthlyRent\":\"12.345\"   | field 'monthlyRent': \"12.345\" has 3 decimals, at most 2 allowed",
        "\"monthlyRent\":\"12500.00\"     | \"monthlyRent\":12.345       | field 'monthlyRent': 12.345 has 3 decimals, at most 2 allowed",
        "\"monthlyRent\":\"12500.00\"     | \"monthlyRent\":\"12,5\"     | field 'monthlyRent': \"12,5\" is not a decimal number",
        "\"monthlyRent\":\"12500.00\"     | \"monthlyRent\":\"1e20\"     | field 'monthlyRent': \"1e20\" has 23 digits, at most 18 allowed",
        "\"monthlyRent\":\"12500.00\"     | \"monthlyRent\":true         | field 'monthlyRent': expected a decimal",
        "\"submittedAt\":\"2022-05-01T09:30:00Z\", | ''                   | field 'submittedAt': missing",
        "\"submittedAt\":\"2022-05-01T09:30:00Z\"  | \"submittedAt\":\"2022-05-01 09:30\" | field 'submittedAt': \"2022-05-01 09:30\" is not an ISO-8601 instant",
        "\"submittedAt\":\"2022-05-01T09:30:00Z\"  | \"submittedAt\":\"2022-05-01T09:30:00.0001Z\" | field 'submittedAt': \"2022-05-01T09:30:00.0001Z\" is finer than milliseconds",
        "\"leaseStart\":\"2022-01-01\"    | \"leaseStart\":\"2022-13-01\" | field 'leaseStart': \"2022-13-01\" is not a date YYYY-MM-DD",
        "\"year\":2022                    | \"year\":\"2022\"             | field 'year': expected a number, got \"2022\"",
        "\"year\":2022                    | \"year\":2022.5               | field 'year': 2022.5 is not an integer",
        "\"year\":2022                    | \"year\":3000000000           | field 'year': 3000000000 is not an integer",
        "\"countyCode\":\"110108\"        | \"countyCode\":110108         | field 'countyCode': expected a string, got 110108",
        "\"sublessor\":false              | \"sublessor\":\"no\"          | field 'sublessor': expected true or false, got \"no\"",
        "\"sublessor\":false              | \"sublessor\":null            | field 'sublessor': null is not allowed",
        "\"sublessor\":false              | \"sublessor\":false,\"foo\":1 | unknown field 'foo'",
      })
  void namesTheFieldAndTheProblem(
      final String original, final String replacement, final String message) {
    assertThat(RENT).contains(original);
    final String line = RENT.replace(original, replacement);

    assertThatThrownBy(() -> json.read(line, RentReliefApplication.class))
        .isInstanceOf(RecordJsonException.class)
        .hasMessageContaining(message);
  }

  @Test
  void namesEveryProblemOfALineNotJustTheFirst() {
    final String line =
        RENT.replace("\"monthlyRent\":\"12500.00\"", "\"monthlyRent\":\"12.345\"")
            .replace("\"leaseEnd\":\"2022-12-31\"", "\"leaseEnd\":\"soon\"")
            .replace("{", "{\"colour\":\"red\",");

    assertThatThrownBy(() -> json.read(line, RentReliefApplication.class))
        .isInstanceOfSatisfying(
            RecordJsonException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anyMatch(p -> p.startsWith("unknown field 'colour'"))
                    .anyMatch(p -> p.startsWith("field 'leaseEnd'"))
                    .anyMatch(p -> p.startsWith("field 'monthlyRent'")));
  }

  @Test
  void namesNestedPaths() {
    final String decision = json.write(Samples.decision());

    assertThatThrownBy(
            () -> json.read(decision.replace("\"code\":\"CAPPED_AT_TIER\",", ""), Decision.class))
        .isInstanceOfSatisfying(
            RecordJsonException.class, e -> assertThat(e.path()).isEqualTo("reasons[0].code"))
        .hasMessage("field 'reasons[0].code': missing");
    assertThatThrownBy(
            () ->
                json.read(
                    decision.replace("\"reliefMonths\":\"6\"", "\"reliefMonths\":6"),
                    Decision.class))
        .hasMessageContaining("field 'details[\"reliefMonths\"]': expected a string, got 6");
    assertThatThrownBy(
            () ->
                json.read(
                    decision.replace("\"status\":\"APPROVED\"", "\"status\":\"OK\""),
                    Decision.class))
        .hasMessageContaining(
            "field 'status': \"OK\" is not one of APPROVED, REJECTED, WAITLISTED, WITHDRAWN");
    assertThatThrownBy(
            () ->
                json.read(
                    decision.replace("risk-listed\"}", "risk-listed\",\"extra\":1}"),
                    Decision.class))
        .hasMessageContaining("unknown field 'reasons[0].extra'");
  }

  @Test
  void checksTheScaleOfSharesToo() {
    final String line = json.write(Samples.rdDeduction()).replace("\"0.0250\"", "\"0.02501\"");

    assertThatThrownBy(() -> json.read(line, RdDeductionApplication.class))
        .hasMessageContaining(
            "field 'excludedIncomeShare': \"0.02501\" has 5 decimals, at most 4 allowed");
  }

  @Test
  void refusesWhatIsNotAJsonObject() {
    assertThatThrownBy(() -> json.read("[1,2]", Budget.class))
        .isInstanceOf(RecordJsonException.class)
        .hasMessage("not a JSON object");
    assertThatThrownBy(() -> json.read("{\"zone\":", Budget.class))
        .isInstanceOf(RecordJsonException.class)
        .hasMessageStartingWith("not valid JSON");
    assertThatThrownBy(() -> json.read("{} {}", Budget.class))
        .isInstanceOf(RecordJsonException.class)
        .hasMessageStartingWith("not valid JSON");
  }
}
