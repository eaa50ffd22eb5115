package cn.gxq.subsidy.contract;

import cn.gxq.subsidy.avro.Programme;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the contract says of one programme's applications: its code, its record, its topic and how
 * people name it. The programme catalogue describes each programme with one of these.
 */
public interface ApplicationKind {

  /** The programme code on decisions, totals and bucket keys. */
  Programme programme();

  /**
   * The short name: the topic is {@code subsidy.applications.<slug>.v1} and {@code produce --type
   * <slug>} publishes it, e.g. {@code rent-relief}.
   */
  String slug();

  /** The Avro record of an application, e.g. {@code RentReliefApplication}. */
  Class<? extends SpecificRecord> recordClass();

  MoneyKind moneyKind();

  /** The programme's name in Chinese, e.g. 房租减免. */
  String nameZh();

  /** The programme's name in English, e.g. Rent relief. */
  String nameEn();
}
