package cn.gxq.subsidy.app;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Reason;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.programme.Catalogue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's own files from the jar's resources, with the API's answers made up in advance:
 * the figures and words that were too long for the page (a budget of ¥3,000万 with ¥1,186 left and
 * 739 waiting, amounts in the hundred millions, a reason in mixed number formats, a what-if run of
 * every zone, programme and year with hundreds of changes). What the API answers is shaped by the
 * real records ({@link RecordJson}), so the page meets what {@code run} serves.
 */
final class DashboardStub implements AutoCloseable {

  static final String AMOUNTS = "RD-2022-LAYOUT-1";
  static final String RECOGNITION = "TSE-2022-LAYOUT-2";
  static final String WHAT_IF = "layout_run";

  /** What-if buckets in which something happened; every other zone, programme and year is 0. */
  static final int NON_ZERO_BUCKETS = 4;

  static final int WHAT_IF_YEARS = 5;
  static final int WHAT_IF_CHANGES = 471;

  private static final List<String> ZONES = List.of("ZGC", "ZJ", "XA", "BH", "SIP");
  private static final Instant AT = Instant.parse("2022-06-30T02:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final RecordJson JSON = new RecordJson();

  private final HttpServer server;
  private final Map<String, JsonNode> answers = new HashMap<>();

  DashboardStub() throws IOException {
    answers.put("/programmes", programmes());
    answers.put("/totals", totals());
    answers.put("/reconciliation", MAPPER.createArrayNode());
    answers.put("/decisions/latest", latest());
    answers.put("/health", MAPPER.createObjectNode().put("state", "RUNNING"));
    answers.put("/applications/" + AMOUNTS, tree(amounts(3)));
    answers.put("/applications/" + AMOUNTS + "/history", history());
    answers.put("/applications/" + RECOGNITION, tree(recognition()));
    answers.put(
        "/applications/" + RECOGNITION + "/history",
        MAPPER.createArrayNode().add(recognitionTree()));
    answers.put("/whatif/" + WHAT_IF, whatIf());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    final String path = exchange.getRequestURI().getPath();
    final JsonNode json = answers.get(path);
    if (json != null) {
      send(exchange, 200, "application/json", MAPPER.writeValueAsBytes(json));
      return;
    }
    final String file = path.equals("/") ? "/index.html" : path;
    try (InputStream in = DashboardStub.class.getResourceAsStream("/dashboard" + file)) {
      if (in == null || !file.matches("/[a-z-]+\\.(html|js|css|json)")) {
        // /events too: 204 tells an EventSource not to come back.
        send(exchange, path.equals("/events") ? 204 : 404, "application/json", new byte[0]);
        return;
      }
      final String type =
          file.endsWith(".html")
              ? "text/html"
              : file.endsWith(".js")
                  ? "text/javascript"
                  : file.endsWith(".css") ? "text/css" : "application/json";
      send(exchange, 200, type + "; charset=utf-8", in.readAllBytes());
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static ArrayNode programmes() {
    final ArrayNode list = MAPPER.createArrayNode();
    Catalogue.programmes()
        .forEach(
            p ->
                list.addObject()
                    .put("code", p.programme().name())
                    .put("nameZh", p.nameZh())
                    .put("nameEn", p.nameEn())
                    .put("moneyKind", p.moneyKind().name()));
    return list;
  }

  /**
   * 2022 in every zone: rent relief all but spent, R&D unbudgeted and huge, loans, recognitions.
   */
  private static ArrayNode totals() {
    final List<Totals> zones = new ArrayList<>();
    for (String zone : ZONES) {
      final int z = ZONES.indexOf(zone);
      zones.add(
          budgeted(totals(zone, Programme.RENT_RELIEF, 3100 + z, 2431 - z, 739), "30000000.00"));
      zones.add(totals(zone, Programme.RD_SUPER_DEDUCTION, 980 + z, 912, 0));
      zones.add(
          budgeted(
              totals(zone, Programme.INNOVATION_CREDIT_LOAN, 400 + z, 248, 31), "50000000.00"));
      zones.add(totals(zone, Programme.TECH_SME_EVALUATION, 1300 + z, 1187, 0));
    }
    final ArrayNode list = MAPPER.createArrayNode();
    zones.forEach(t -> list.add(JSON.toTree(t)));
    for (Programme p :
        List.of(
            Programme.RENT_RELIEF,
            Programme.RD_SUPER_DEDUCTION,
            Programme.INNOVATION_CREDIT_LOAN,
            Programme.TECH_SME_EVALUATION)) {
      final Totals sum = totals("ALL", p, 0, 0, 0);
      sum.setApprovedAmount(new BigDecimal("0.00"));
      for (Totals t : zones) {
        if (t.getProgramme() == p) {
          sum.setReceived(sum.getReceived() + t.getReceived());
          sum.setApproved(sum.getApproved() + t.getApproved());
          sum.setWaitlisted(sum.getWaitlisted() + t.getWaitlisted());
          sum.setRejected(sum.getRejected() + t.getRejected());
          sum.setApprovedAmount(sum.getApprovedAmount().add(t.getApprovedAmount()));
        }
      }
      list.add(JSON.toTree(sum));
    }
    return list;
  }

  private static Totals budgeted(Totals t, String budget) {
    t.setBudget(new BigDecimal(budget));
    t.setBudgetRemaining(t.getBudget().subtract(t.getApprovedAmount()));
    return t;
  }

  private static Totals totals(
      String zone, Programme programme, long received, long approved, long waitlisted) {
    final BigDecimal amount =
        switch (programme) {
          case RENT_RELIEF -> new BigDecimal("29998814.00");
          case RD_SUPER_DEDUCTION -> new BigDecimal("144849160.68");
          case INNOVATION_CREDIT_LOAN -> new BigDecimal("24296000.00");
          default -> new BigDecimal("0.00");
        };
    return Totals.newBuilder()
        .setZone(zone)
        .setProgramme(programme)
        .setYear(2022)
        .setReceived(received)
        .setApproved(approved)
        .setRejected(received - approved - waitlisted)
        .setWaitlisted(waitlisted)
        .setWithdrawn(0)
        .setApprovedAmount(amount)
        .setBudget(null)
        .setBudgetRemaining(null)
        .setUpdatedAt(AT)
        .build();
  }

  private static ObjectNode tree(Decision d) {
    return JSON.toTree(d);
  }

  private static ObjectNode recognitionTree() {
    return tree(recognition());
  }

  private static ArrayNode latest() {
    final ArrayNode list = MAPPER.createArrayNode();
    list.add(tree(amounts(3)));
    list.add(recognitionTree());
    list.add(tree(waitlisted("RR-2022-LAYOUT-3", 1)));
    return list;
  }

  private static ArrayNode history() {
    final ArrayNode list = MAPPER.createArrayNode();
    list.add(tree(waitlisted(AMOUNTS, 1)));
    list.add(tree(amounts(2)));
    list.add(tree(amounts(3)));
    return list;
  }

  /** An R&D deduction in the hundred millions, its reasons in both number formats. */
  private static Decision amounts(long sequence) {
    final Map<String, String> details = new LinkedHashMap<>();
    details.put("personnel", "402900.00");
    details.put("mainCategoriesTotal", "144849160.68");
    details.put("otherRelatedRatio", "0.10");
    details.put("budget", "30000000.00");
    details.put("budgetRemaining", "840.29");
    details.put("landlordStateOwned", "true");
    details.put("sizeClass", "SMALL");
    return decision(AMOUNTS, sequence, Programme.RD_SUPER_DEDUCTION, DecisionStatus.APPROVED)
        .setRequestedAmount(new BigDecimal("144849160.68"))
        .setApprovedAmount(new BigDecimal("144849160.68"))
        .setReasons(
            List.of(
                reason(
                    "ELIGIBLE",
                    "deduction 144849160.68 = 100% of eligible expenses 144,849,160.68"
                        + " (personnel 402900.00, other related capped at 134,300.00)"),
                reason("APPROVED_FROM_WAITLIST", waitlistText())))
        .setDetails(details)
        .build();
  }

  private static Decision waitlisted(String id, long sequence) {
    return decision(id, sequence, Programme.RENT_RELIEF, DecisionStatus.WAITLISTED)
        .setRequestedAmount(new BigDecimal("134300.00"))
        .setApprovedAmount(new BigDecimal("0.00"))
        .setReasons(List.of(reason("BUDGET_EXHAUSTED", waitlistText())))
        .build();
  }

  private static String waitlistText() {
    return "waitlisted: the ZGC:RENT_RELIEF:2022 budget has 840.29 left of 30000000.00 and this"
        + " application needs 134,300.00. It is number 739 in line with 98765432.10 waiting ahead"
        + " of it, keeps its place, and is approved as soon as 134300.00 fits in what remains";
  }

  private static Decision recognition() {
    return decision(RECOGNITION, 1, Programme.TECH_SME_EVALUATION, DecisionStatus.APPROVED)
        .setRequestedAmount(null)
        .setApprovedAmount(new BigDecimal("0.00"))
        .setReasons(List.of(reason("ELIGIBLE", "registered as a technology-based SME for 2022")))
        .setDetails(Map.of("score", "72"))
        .build();
  }

  private static Decision.Builder decision(
      String id, long sequence, Programme programme, DecisionStatus status) {
    return Decision.newBuilder()
        .setApplicationId(id)
        .setRevision(1)
        .setSequence(sequence)
        .setProgramme(programme)
        .setCreditCode("91110108MA01C4XB2K")
        .setEnterpriseName("北京中关村智能制造与工业互联网科技发展有限责任公司")
        .setZone("ZGC")
        .setYear(2022)
        .setStatus(status)
        .setDetails(Map.of())
        .setPolicyVersion("2022.1")
        .setSubmittedAt(AT)
        .setDecidedAt(AT.plusSeconds(sequence));
  }

  private static Reason reason(String code, String message) {
    return Reason.newBuilder().setCode(code).setMessage(message).build();
  }

  /**
   * Every zone, programme and year of a national run, all zero but four; hundreds of changes, a
   * recognition's among them.
   */
  private static ObjectNode whatIf() {
    final ObjectNode run =
        MAPPER
            .createObjectNode()
            .put("applications", 48213)
            .put("changed", WHAT_IF_CHANGES)
            .put("changedByRules", 400)
            .put("changedByCompetition", 71);
    final ArrayNode buckets = run.putArray("buckets");
    for (int year = 2022 - WHAT_IF_YEARS + 1; year <= 2022; year++) {
      for (String zone : ZONES) {
        for (Programme p : Catalogue.programmes().stream().map(d -> d.programme()).toList()) {
          final ObjectNode b = buckets.addObject().put("zone", zone).put("programme", p.name());
          b.put("year", year);
          side(b, "live", 0, "0.00", 0);
          side(b, "candidate", 0, "0.00", 0);
        }
      }
    }
    // The four that are not zero, among the others as the file lists them.
    set(buckets, "ZGC", Programme.INNOVATION_CREDIT_LOAN, 210, "20871000.00", 248, "24296000.00");
    set(buckets, "ZJ", Programme.RENT_RELIEF, 2431, "29998814.00", 2431, "29998814.00"); // same
    set(buckets, "XA", Programme.TECH_SME_EVALUATION, 1187, "0.00", 1190, "0.00");
    set(buckets, "SIP", Programme.RD_SUPER_DEDUCTION, 912, "144849160.68", 905, "139849160.68");
    final ArrayNode changes = run.putArray("changes");
    for (int i = 0; i < WHAT_IF_CHANGES; i++) {
      final boolean recognition = i == 3;
      final ObjectNode c =
          changes
              .addObject()
              .put("applicationId", (recognition ? "TSE-2022-" : "ICL-2022-") + (100000 + i))
              .put(
                  "programme",
                  (recognition ? Programme.TECH_SME_EVALUATION : Programme.INNOVATION_CREDIT_LOAN)
                      .name())
              .put("cause", i % 7 == 0 ? "COMPETITION" : "RULES");
      c.putObject("live")
          .put("status", "WAITLISTED")
          .put("approvedAmount", "0.00")
          .putArray("reasons")
          .add("BUDGET_EXHAUSTED");
      c.putObject("candidate")
          .put("status", "APPROVED")
          .put("approvedAmount", recognition ? "0.00" : "1500000.00")
          .putArray("reasons")
          .add("ELIGIBLE");
    }
    return run;
  }

  private static void side(ObjectNode bucket, String name, long approved, String amount, long w) {
    bucket
        .putObject(name)
        .put("approved", approved)
        .put("approvedAmount", amount)
        .put("waitlisted", w)
        .put("rejected", 0);
  }

  private static void set(
      ArrayNode buckets,
      String zone,
      Programme programme,
      long live,
      String liveAmount,
      long candidate,
      String candidateAmount) {
    for (JsonNode b : buckets) {
      if (b.get("zone").asText().equals(zone)
          && b.get("programme").asText().equals(programme.name())
          && b.get("year").asInt() == 2022) {
        side((ObjectNode) b, "live", live, liveAmount, live == candidate ? 31 : 40);
        side((ObjectNode) b, "candidate", candidate, candidateAmount, live == candidate ? 31 : 2);
      }
    }
  }
}
