package cn.gxq.subsidy.app.security;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of each role, written down once. Everything not granted here is denied by the broker's
 * authorizer ({@code allow.everyone.if.no.acl.found=false}).
 */
public final class AccessControl {

  static final String FINANCE_GROUPS = "finance-";
  static final String OPERATOR_GROUPS = "operator-";
  static final String AUDITOR_GROUPS = "auditor-";
  static final String WHATIF = "whatif.";
  private static final int SCRAM_ITERATIONS = 8192;

  private final Topics topics;
  private final String applicationId;
  private final String registryTopic;

  public AccessControl(Topics topics, String applicationId, String registryTopic) {
    this.topics = topics;
    this.applicationId = applicationId;
    this.registryTopic = registryTopic;
  }

  public List<AclBinding> bindings(Role role, String user) {
    final List<AclBinding> acls = new ArrayList<>();
    final String principal = "User:" + user;
    switch (role) {
      case PUBLISHER -> {
        for (String topic : inputs()) {
          allow(acls, principal, topic(topic), AclOperation.WRITE, AclOperation.DESCRIBE);
        }
      }
      case FINANCE -> finance(acls, principal);
      case OPERATOR -> {
        allow(
            acls,
            principal,
            prefixed(ResourceType.TOPIC, topics.prefix() + "subsidy."),
            AclOperation.READ,
            AclOperation.DESCRIBE,
            AclOperation.DESCRIBE_CONFIGS);
        allow(acls, principal, prefixed(ResourceType.GROUP, OPERATOR_GROUPS), AclOperation.READ);
      }
      case APPLICATION -> application(acls, principal);
      case REGISTRY -> allow(acls, principal, topic(registryTopic), AclOperation.ALL);
      case ANALYST -> analyst(acls, principal);
      case AUDITOR -> auditor(acls, principal);
    }
    return acls;
  }

  /**
   * The decision pipeline: reads the inputs, writes its outputs, reads back its decisions and
   * hand-overs, and owns everything named after its application id.
   */
  private void application(List<AclBinding> acls, String principal) {
    for (String topic : inputs()) {
      allow(acls, principal, topic(topic), AclOperation.READ, AclOperation.DESCRIBE);
    }
    allow(acls, principal, topic(topics.settlements()), AclOperation.READ, AclOperation.DESCRIBE);
    for (String topic :
        List.of(
            topics.totals(),
            topics.deadLetter(),
            topics.arrivals(),
            topics.movements(),
            topics.controlTotals())) {
      allow(acls, principal, topic(topic), AclOperation.WRITE, AclOperation.DESCRIBE);
    }
    // Its HTTP API writes who read which file, and shows auditors the newest reads.
    allow(
        acls,
        principal,
        topic(topics.accessLog()),
        AclOperation.WRITE,
        AclOperation.READ,
        AclOperation.DESCRIBE);
    // It reads back its decisions (the HTTP API's table) and its own hand-overs.
    for (String topic : List.of(topics.decisions(), topics.ledgerHandovers())) {
      allow(
          acls,
          principal,
          topic(topic),
          AclOperation.READ,
          AclOperation.WRITE,
          AclOperation.DESCRIBE);
    }
    // Repartition topics and changelogs are named after the application id.
    allow(acls, principal, prefixed(ResourceType.TOPIC, applicationId + "-"), AclOperation.ALL);
    allow(
        acls,
        principal,
        literal(ResourceType.GROUP, applicationId),
        AclOperation.READ,
        AclOperation.DESCRIBE);
    allow(
        acls,
        principal,
        prefixed(ResourceType.TRANSACTIONAL_ID, applicationId + "-"),
        AclOperation.WRITE,
        AclOperation.DESCRIBE);
    allow(acls, principal, literal(ResourceType.CLUSTER, "kafka-cluster"), AclOperation.DESCRIBE);
  }

  /**
   * A what-if replay reads the live inputs, the arrival journal (to meet competitors in live's
   * order) and, to compare, the live decisions; everything it writes, creates or deletes (its
   * topics, internal topics, group and transactions) is named {@code whatif.…}.
   */
  /** Finance reads what it books and confirms, alone, what it settled. */
  private void finance(List<AclBinding> acls, String principal) {
    for (String topic :
        List.of(topics.decisions(), topics.totals(), topics.movements(), topics.controlTotals())) {
      allow(acls, principal, topic(topic), AclOperation.READ, AclOperation.DESCRIBE);
    }
    allow(acls, principal, topic(topics.settlements()), AclOperation.WRITE, AclOperation.DESCRIBE);
    allow(acls, principal, prefixed(ResourceType.GROUP, FINANCE_GROUPS), AclOperation.READ);
  }

  /** Auditors read everything the platform keeps, the access log too, and write nothing. */
  private void auditor(List<AclBinding> acls, String principal) {
    allow(
        acls,
        principal,
        prefixed(ResourceType.TOPIC, topics.prefix() + "subsidy."),
        AclOperation.READ,
        AclOperation.DESCRIBE);
    allow(acls, principal, topic(topics.accessLog()), AclOperation.READ, AclOperation.DESCRIBE);
    allow(acls, principal, prefixed(ResourceType.GROUP, AUDITOR_GROUPS), AclOperation.READ);
  }

  private void analyst(List<AclBinding> acls, String principal) {
    for (String topic : inputs()) {
      allow(acls, principal, topic(topic), AclOperation.READ, AclOperation.DESCRIBE);
    }
    // A replay meets finance's settlements as live did, and compares with live's decisions.
    for (String topic : List.of(topics.settlements(), topics.decisions(), topics.arrivals())) {
      allow(acls, principal, topic(topic), AclOperation.READ, AclOperation.DESCRIBE);
    }
    allow(acls, principal, prefixed(ResourceType.TOPIC, WHATIF), AclOperation.ALL);
    allow(
        acls,
        principal,
        prefixed(ResourceType.GROUP, WHATIF),
        AclOperation.READ,
        AclOperation.DESCRIBE,
        AclOperation.DELETE);
    allow(
        acls,
        principal,
        prefixed(ResourceType.TRANSACTIONAL_ID, WHATIF),
        AclOperation.WRITE,
        AclOperation.DESCRIBE);
    allow(acls, principal, literal(ResourceType.CLUSTER, "kafka-cluster"), AclOperation.DESCRIBE);
  }

  /** Creates or updates a SCRAM-SHA-512 user and grants it its role. */
  public void grant(Admin admin, Role role, String user, String password)
      throws InterruptedException, ExecutionException {
    if (password != null) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      user,
                      new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                      password)))
          .all()
          .get();
    }
    admin.createAcls(bindings(role, user)).all().get();
  }

  private List<String> inputs() {
    final List<String> inputs = new ArrayList<>(List.of(topics.enterprises(), topics.budgets()));
    for (ProgrammeDefinition<?> programme : Catalogue.programmes()) {
      inputs.add(topics.applications(programme));
    }
    return inputs;
  }

  private static ResourcePattern topic(String name) {
    return literal(ResourceType.TOPIC, name);
  }

  private static ResourcePattern literal(ResourceType type, String name) {
    return new ResourcePattern(type, name, PatternType.LITERAL);
  }

  private static ResourcePattern prefixed(ResourceType type, String prefix) {
    return new ResourcePattern(type, prefix, PatternType.PREFIXED);
  }

  private static void allow(
      List<AclBinding> acls,
      String principal,
      ResourcePattern resource,
      AclOperation... operations) {
    for (AclOperation operation : operations) {
      acls.add(
          new AclBinding(
              resource,
              new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
    }
  }
}
