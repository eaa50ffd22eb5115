package cn.gxq.subsidy.demo;

import java.util.List;

/**
 * GB/T 4754-2017 industries the demo registry uses, with how often they occur among enterprises
 * ({@code weight}) and individual businesses ({@code individualWeight}), and name endings. Weighted
 * towards technology, as in a high-tech zone.
 */
enum Industry {
  I65("I65", 0.22, 0, true, List.of("科技有限公司", "软件有限公司", "信息技术有限公司", "数据科技有限公司")),
  M73("M73", 0.07, 0, true, List.of("生物技术有限公司", "研究院有限公司", "新材料科技有限公司")),
  M75("M75", 0.07, 0, true, List.of("科技服务有限公司", "技术转移有限公司", "检测技术有限公司")),
  C39("C39", 0.10, 0, true, List.of("电子有限公司", "微电子有限公司", "通信设备有限公司", "智能科技有限公司")),
  C35("C35", 0.06, 0, true, List.of("机械有限公司", "智能装备有限公司", "精密仪器有限公司")),
  C27("C27", 0.05, 0, true, List.of("制药有限公司", "生物医药有限公司", "医药科技有限公司")),
  I64("I64", 0.06, 0, true, List.of("网络科技有限公司", "互联网信息服务有限公司")),
  F51("F51", 0.05, 0.05, false, List.of("贸易有限公司", "供应链管理有限公司")),
  F52("F52", 0.05, 0.35, false, List.of("商贸有限公司", "便利店有限公司", "超市有限公司")),
  H61("H61", 0.02, 0.02, false, List.of("酒店管理有限公司", "宾馆有限公司")),
  H62("H62", 0.04, 0.30, false, List.of("餐饮管理有限公司", "餐饮有限公司")),
  K701("K701", 0.01, 0, false, List.of("房地产开发有限公司", "置业有限公司")),
  K702("K702", 0.02, 0, false, List.of("物业管理有限公司", "物业服务有限公司")),
  L72("L72", 0.06, 0, false, List.of("企业管理咨询有限公司", "商务服务有限公司", "人力资源有限公司")),
  R90("R90", 0.02, 0.05, false, List.of("文化传媒有限公司", "娱乐有限公司")),
  O80("O80", 0.01, 0.23, false, List.of("家政服务有限公司", "美容美发有限公司")),
  C16("C16", 0.005, 0, false, List.of("卷烟厂有限公司", "烟草制品有限公司")),
  A01("A01", 0.015, 0, false, List.of("农业科技有限公司", "种业有限公司")),
  E48("E48", 0.02, 0, false, List.of("建设工程有限公司", "市政工程有限公司")),
  G54("G54", 0.03, 0, false, List.of("物流有限公司", "运输有限公司"));

  private final String code;
  private final double weight;
  private final double individualWeight;
  private final boolean tech;
  private final List<String> nameEndings;

  Industry(
      String code, double weight, double individualWeight, boolean tech, List<String> nameEndings) {
    this.code = code;
    this.weight = weight;
    this.individualWeight = individualWeight;
    this.tech = tech;
    this.nameEndings = nameEndings;
  }

  String code() {
    return code;
  }

  double weight() {
    return weight;
  }

  double individualWeight() {
    return individualWeight;
  }

  /** Research-intensive: these hold most high-tech certificates and tech-SME registrations. */
  boolean tech() {
    return tech;
  }

  List<String> nameEndings() {
    return nameEndings;
  }

  static Industry of(String code) {
    for (Industry i : values()) {
      if (i.code.equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a demo industry: " + code);
  }

  /** The tertiary sector, GB/T 4754 sections F to T (rent relief). */
  static boolean service(String code) {
    char section = code.charAt(0);
    return section >= 'F' && section <= 'T';
  }

  /** Manufacturing, section C. */
  static boolean manufacturing(String code) {
    return code.charAt(0) == 'C';
  }

  /** Excluded from the R&D super-deduction (财税〔2015〕119号). */
  static boolean rdExcluded(String code) {
    char section = code.charAt(0);
    return section == 'K'
        || section == 'L'
        || code.startsWith("C16")
        || code.startsWith("H61")
        || code.startsWith("H62")
        || code.startsWith("F51")
        || code.startsWith("F52")
        || code.startsWith("R90");
  }
}
