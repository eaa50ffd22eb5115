package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Enterprise;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Builds first revisions of one programme's applications in the ways the stream needs. */
interface ProgrammeFactory {
  /** Id prefix, e.g. {@code RR}. */
  String prefix();

  /** Enterprises that fit the programme. */
  List<Enterprise> candidates();

  /** An ordinary application of {@code applicant}, most likely eligible. */
  SpecificRecord regular(Enterprise applicant, String id, Instant at);

  /** An application that fails one programme rule; the factory picks the applicant. */
  SpecificRecord ineligible(String id, Instant at);

  /** An application with one field validation must reject. */
  SpecificRecord invalid(Enterprise applicant, String id, Instant at);

  /** The claim an application makes (contract: one claim per enterprise and period). */
  String claim(SpecificRecord application);

  /** The next revision of one of its applications, submitted at {@code at}, amount scaled. */
  SpecificRecord amend(SpecificRecord application, Instant at, double factor);
}
