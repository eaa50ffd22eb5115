package cn.gxq.subsidy.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Landlords of zone premises: a few state-owned park operators per zone (the ones 发改财金〔2022〕 271号
 * obliges to grant relief), and private landlords, companies or private persons.
 */
final class Landlords {
  /** A landlord; {@code creditCode} is null for private persons. */
  record Landlord(String name, String creditCode, boolean stateOwned) {
    /** The landlord part of a rent-relief claim: its credit code, else its name. */
    String claimKey() {
      return creditCode != null ? creditCode : name;
    }
  }

  private static final List<String> STATE_ENDINGS =
      List.of("科技园区建设发展有限公司", "国有资产经营有限公司", "产业园运营管理有限公司", "创新中心发展集团有限公司");
  private static final List<String> PRIVATE_ENDINGS =
      List.of("置业有限公司", "商业管理有限公司", "物业租赁有限公司", "投资管理有限公司");
  private static final List<String> SURNAMES =
      List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡");
  private static final List<String> GIVEN =
      List.of("建国", "秀英", "伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟");

  private final Draw draw;
  private final CreditCodeFactory codes;
  private final Names names;
  private final Map<Zone, List<Landlord>> stateOwned = new EnumMap<>(Zone.class);

  Landlords(Draw draw, CreditCodeFactory codes) {
    this.draw = draw;
    this.codes = codes;
    this.names = new Names(draw);
    for (Zone zone : Zone.values()) {
      List<Landlord> list = new ArrayList<>();
      for (String ending : STATE_ENDINGS) {
        String region = zone.registrationRegion();
        list.add(
            new Landlord(
                zone.city() + zone.district().replace("新区", "").replace("区", "") + ending,
                codes.next("91", region, LocalDate.of(2000, 1, 1)),
                true));
      }
      stateOwned.put(zone, List.copyOf(list));
    }
  }

  Landlord stateOwned(Zone zone) {
    return draw.pick(stateOwned.get(zone));
  }

  /** A private landlord: a company with a credit code, or a person without one. */
  Landlord privateOne(Zone zone) {
    if (draw.chance(0.6)) {
      return new Landlord(
          zone.city() + names.tradeName() + draw.pick(PRIVATE_ENDINGS),
          codes.next("91", zone.registrationRegion(), LocalDate.of(2010, 1, 1)),
          false);
    }
    return new Landlord(draw.pick(SURNAMES) + draw.pick(GIVEN), null, false);
  }
}
