package cn.gxq.subsidy.demo;

import java.util.List;

/**
 * The five national high-tech zones of the demo, with the counties their premises lie in. Weights
 * follow their rough size: 中关村 is by far the largest.
 */
public enum Zone {
  ZGC(
      "中关村",
      "北京",
      "海淀区",
      0.40,
      7.0,
      List.of(
          new County("110108", "海淀区", true),
          new County("110105", "朝阳区", true),
          new County("110114", "昌平区", false),
          new County("110115", "大兴区", false),
          new County("110102", "西城区", false))),
  ZJ(
      "上海张江",
      "上海",
      "浦东新区",
      0.20,
      6.0,
      List.of(new County("310115", "浦东新区", true), new County("310112", "闵行区", true))),
  XA(
      "西安",
      "西安",
      "雁塔区",
      0.13,
      3.0,
      List.of(new County("610131", "西安高新区", true), new County("610113", "雁塔区", false))),
  BH(
      "天津滨海",
      "天津",
      "滨海新区",
      0.12,
      2.5,
      List.of(new County("120116", "滨海新区", true), new County("120104", "南开区", false))),
  SIP(
      "苏州工业园区",
      "苏州",
      "工业园区",
      0.15,
      3.0,
      List.of(new County("320571", "苏州工业园区", false), new County("320505", "虎丘区", true)));

  /**
   * A county-level division, and whether it was listed as a medium- or high-risk area in 2022
   * (which doubles rent relief).
   */
  public record County(String code, String name, boolean riskListed2022) {}

  private final String chineseName;
  private final String city;
  private final String district;
  private final double weight;
  private final double rentPerSquareMetreDay;
  private final List<County> counties;

  Zone(
      String chineseName,
      String city,
      String district,
      double weight,
      double rentPerSquareMetreDay,
      List<County> counties) {
    this.chineseName = chineseName;
    this.city = city;
    this.district = district;
    this.weight = weight;
    this.rentPerSquareMetreDay = rentPerSquareMetreDay;
    this.counties = counties;
  }

  /** The contract's zone code, e.g. {@code ZGC}. */
  public String code() {
    return name();
  }

  public String chineseName() {
    return chineseName;
  }

  /** City that prefixes company names, e.g. 北京. */
  public String city() {
    return city;
  }

  /** District that prefixes individual businesses' names, e.g. 海淀区. */
  public String district() {
    return district;
  }

  public double weight() {
    return weight;
  }

  /** Typical office rent, yuan per m² per day. */
  public double rentPerSquareMetreDay() {
    return rentPerSquareMetreDay;
  }

  public List<County> counties() {
    return counties;
  }

  /** The region code enterprises of the zone are registered under (positions 3–8 of the USCC). */
  public String registrationRegion() {
    return counties.get(0).code();
  }

  public static Zone of(String code) {
    return Zone.valueOf(code);
  }
}
