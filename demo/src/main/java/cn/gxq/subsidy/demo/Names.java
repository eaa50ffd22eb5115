package cn.gxq.subsidy.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plausible Chinese names: companies as city + trade name + industry ending (北京华创智源科技有限公司),
 * individual businesses as district + owner's mark + shop type (海淀区老王面馆). Names are kept unique
 * while the word pool allows.
 */
final class Names {
  private static final List<String> WORDS =
      List.of(
          "华创", "中科", "智源", "博睿", "天宇", "星河", "云帆", "聚能", "新锐", "恒通", "汇智", "京联", "易联", "数智", "鼎信",
          "卓越", "领航", "启明", "瑞达", "凯思", "思创", "远景", "晨光", "蓝海", "微芯", "芯动", "极光", "量子", "同创", "华信",
          "润泽", "安泰", "百川", "金石", "宏图", "海纳", "致远", "明德", "嘉禾", "天成", "信达", "东方", "融通", "精诚", "英特",
          "联创", "中汇", "盛世", "国泰", "长风", "正元", "永信", "弘毅", "格物", "知行", "青云", "泰和", "万象", "北辰", "睿思");
  private static final List<String> OWNERS =
      List.of(
          "老王", "张记", "李氏", "刘家", "陈记", "杨氏", "赵家", "黄记", "周氏", "吴记", "徐家", "孙记", "马氏", "朱记", "胡家",
          "郭记", "何氏", "高记", "林家", "罗记", "小郑", "阿梅", "老宋", "大勇");
  private static final Map<String, List<String>> SHOPS =
      Map.of(
          "F52", List.of("便利店", "超市", "水果店", "五金店"),
          "H62", List.of("面馆", "餐厅", "小吃店", "包子铺"),
          "O80", List.of("理发店", "洗衣店", "家政服务部", "修鞋铺"),
          "R90", List.of("棋牌室", "台球厅"),
          "F51", List.of("批发部", "经营部"),
          "H61", List.of("旅馆", "招待所"));

  private final Draw draw;
  private final Set<String> used = new HashSet<>();

  Names(Draw draw) {
    this.draw = draw;
  }

  String company(Zone zone, Industry industry) {
    String name = null;
    for (int attempt = 0; attempt < 8; attempt++) {
      String words = attempt < 4 ? two() : two() + draw.pick(WORDS);
      name = zone.city() + words + draw.pick(industry.nameEndings());
      if (used.add(name)) {
        return name;
      }
    }
    return name;
  }

  String individual(Zone zone, Industry industry) {
    List<String> shops = SHOPS.getOrDefault(industry.code(), List.of("经营部"));
    String name = null;
    for (int attempt = 0; attempt < 8; attempt++) {
      String mark = attempt < 4 ? draw.pick(OWNERS) : draw.pick(OWNERS) + draw.pick(WORDS);
      name = zone.city() + "市" + zone.district() + mark + draw.pick(shops);
      if (used.add(name)) {
        return name;
      }
    }
    return name;
  }

  /** A trade name for a landlord or other party, not counted against the registry's names. */
  String tradeName() {
    return two();
  }

  private String two() {
    String a = draw.pick(WORDS);
    String b = draw.pick(WORDS);
    while (b.equals(a)) {
      b = draw.pick(WORDS);
    }
    return a + b;
  }
}
